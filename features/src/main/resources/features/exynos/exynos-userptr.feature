@exynos @userptr
Feature: exynos's 2012 userptr next to i915's

  Samsung's exynos driver proposed its own userptr ioctl in 2012 (seed
  002_e3bf0bff9ca4380a, "[PATCH 2/2 v3] drm/exynos: added userptr feature", with its
  review). It takes the same fields as i915's but makes different choices:
  - a size of 0 is "invalid size" (EINVAL); any other size is rounded up to whole pages
    (roundup_gem_size) and the pointer is not checked for alignment, where i915 refuses
    both with EINVAL (catalogue 29, 31, 32);
  - the rounded size is limited by priv->userptr_limit, 16 MiB by default ("excessed maximum
    size of userptr", EINVAL), "because the pages couldn't be swapped out";
  - the pages are pinned by the ioctl itself (get_user_pages, and the whole VMA mlocked,
    which the reviewer criticised with RLIMIT_MEMLOCK in mind), so an unmapped range fails
    at creation with EFAULT; i915 pins lazily and fails at the first use (catalogue 34, 35);
  - there is no MMU notifier: after munmap the object keeps the pages it pinned, where i915
    drops them (catalogue 46) - and, without a notifier, there is no overlap rule either;
  - the flag bits are exynos's EXYNOS_BO_* memory attributes (NONCONTIG, CACHABLE, WC,
    USERPTR), so i915's READ_ONLY (bit 0) and GPU_MIRROR (bit 2) bits mean something else
    and UNSYNCHRONIZED (bit 31) is unknown (catalogue 28, 38-41).

  @cat-31
  Scenario Outline: a pointer into a page (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-write
    When file F1 creates a userptr U1 of 1 page at byte 100 of the buffer
    Then the call <answer>

    Examples:
      | profile     | answer            |
      | exynos-2012 | succeeds          |
      | i915-2014   | fails with EINVAL |
      | i915        | fails with EINVAL |

  @cat-32
  Scenario Outline: a size that is not whole pages (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-write
    When file F1 creates a userptr U1 of 4097 bytes at the start of the buffer
    Then the call <answer>

    Examples: exynos rounds the size up to two pages
      | profile     | answer            |
      | exynos-2012 | succeeds          |
      | i915-2014   | fails with EINVAL |
      | i915        | fails with EINVAL |

  @cat-29
  Scenario Outline: a size of zero (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-write
    When file F1 creates a userptr U1 of 0 bytes at the start of the buffer
    Then the call <answer>

    Examples:
      | profile     | answer            |
      | exynos-2012 | fails with EINVAL |
      | i915-2014   | succeeds          |
      | i915        | fails with EINVAL |

  @cat-30
  Scenario Outline: exynos stops at 16 MiB of pinned memory, i915 does not (<profile>, <size>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4097 pages read-write
    When file F1 creates a userptr U1 of <size> at the start of the buffer
    Then the call <answer>

    Examples:
      | profile     | size       | answer            |
      | exynos-2012 | 16 MiB     | succeeds          |
      | exynos-2012 | 4097 pages | fails with EINVAL |
      | i915        | 4097 pages | succeeds          |

  @cat-34 @cat-35
  Scenario Outline: a range with nothing mapped: exynos fails at creation, i915 creates (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-write
    And process A unmaps the buffer
    When file F1 creates a userptr U1 of 2 pages at the start of the buffer
    Then the call <answer>

    Examples:
      | profile     | answer            |
      | exynos-2012 | fails with EFAULT |
      | i915-2014   | succeeds          |
      | i915        | succeeds          |

  @cat-35
  Scenario: i915 finds the hole at the first use instead
    Given the profile "i915"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-write
    And process A unmaps the buffer
    And file F1 creates a userptr U1 of 2 pages at the start of the buffer
    When file F1 uses U1 on the GPU
    Then the call fails with EFAULT

  @cat-46 @mmap
  Scenario Outline: after munmap the object keeps its pages on exynos, loses them on i915 (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A maps 1 page read-write
    And process A writes "pinned bytes" through the buffer
    And file F1 creates a userptr U1 of 1 page at the start of the buffer
    And file F1 asks for the mmap offset of U1
    And file F1 maps 1 page of U1 read-write as M1
    Then process A reads "pinned bytes" through M1
    When process A unmaps the buffer
    And process A writes "after munmap" through M1
    Then the call <answer>

    Examples: exynos pinned the pages at creation and has no MMU notifier
      | profile     | answer   |
      | exynos-2012 | succeeds |

    Examples: i915 at 3.16 (the only i915 that maps a userptr) follows the unmap
      | profile   | answer         |
      | i915-2014 | raises SIGBUS  |

  @cat-46
  Scenario: on today's i915 the GPU sees the unmap as EFAULT
    Given the profile "i915"
    And process A opens file F1 on the render node
    And process A maps 1 page read-write
    And file F1 creates a userptr U1 of 1 page at the start of the buffer
    And file F1 uses U1 on the GPU
    When process A unmaps the buffer
    And file F1 uses U1 on the GPU
    Then the call fails with EFAULT

  @cat-28 @cat-38 @cat-39 @cat-40 @cat-41
  Scenario Outline: the same flag bit on each driver: <flag> on <profile> <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 1 page read-write
    When file F1 creates a <flag> userptr U1 of 1 page at the start of the buffer
    Then the call <answer>

    Examples: bit 0, i915's READ_ONLY, is EXYNOS_BO_NONCONTIG
      | profile     | flag      | answer            |
      | exynos-2012 | READ_ONLY | succeeds          |
      | i915-2014   | READ_ONLY | fails with ENODEV |
      | i915        | READ_ONLY | succeeds          |

    Examples: bit 2, the 2014 seed's GPU_MIRROR, is EXYNOS_BO_WC
      | profile     | flag       | answer            |
      | exynos-2012 | GPU_MIRROR | succeeds          |
      | i915-2014   | GPU_MIRROR | fails with ENODEV |
      | i915        | GPU_MIRROR | fails with EINVAL |

    Examples: bit 31, UNSYNCHRONIZED, is no exynos bit
      | profile     | flag           | answer            |
      | exynos-2012 | UNSYNCHRONIZED | fails with EINVAL |
      | i915-2014   | UNSYNCHRONIZED | succeeds          |
      | i915        | UNSYNCHRONIZED | fails with ENODEV |
