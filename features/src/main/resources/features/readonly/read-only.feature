@readonly
Feature: Read-only memory stays read-only: READ_ONLY userptr by era, no writable mapping of read-only files

  A GPU that could write through a "read-only" object would break the promise the CPU's
  page tables make. The commit that introduced userptr therefore refused the flag until
  the hardware could honour it: v19 "Always error out on read-only userptr requests as we
  don't have the hardware infrastructure", v20 "reserve the bit in flags for future use"
  (seed 000_71d92f04095ba272); the 3.16 file answers READ_ONLY with ENODEV, "just a
  placeholder in the uAPI" (seed 001_c12b0281803bed39, catalogue 40). Once the GPU had
  read-only page-table entries, READ_ONLY was accepted: the pages are pinned without
  FOLL_WRITE, so it may wrap memory the process itself can only read (catalogue 41), and
  pwrite into it is refused (catalogue 42).

  The multiple-mmap-offsets series (seed 004_afe00d3947398d78) adds the second half of the
  rule: a read-only object refuses a writable mapping with EINVAL and cannot be mprotect'ed
  to writable later (catalogue 78). Honestly stated, no profile shipped here lets userspace
  reach that check: i915's only read-only objects are READ_ONLY userptrs, and a userptr
  has no mmap offset at all (ENODEV, catalogue 51); the device's own test builds such an
  object by hand (device ReadOnlyObjectTest). What a program can observe is below: the
  READ_ONLY flag by era, the refused offsets and pwrite, and the same rule on the file
  userspace can make read-only, a dma-buf exported without DRM_RDWR (catalogue 94).

  @userptr @cat-40 @cat-41
  Scenario Outline: a READ_ONLY userptr on <profile> <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 1 page read-write
    When file F1 creates a READ_ONLY userptr U1 of 1 page at the start of the buffer
    Then the call <answer>

    Examples:
      | profile           | answer            |
      | i915-2014         | fails with ENODEV |
      | i915-2019         | succeeds          |
      | i915              | succeeds          |
      | i915-mmap-forward | succeeds          |

  @userptr @cat-41
  Scenario Outline: only a READ_ONLY userptr may wrap memory the process can only read (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 2 pages read-only
    And file F1 creates a READ_ONLY userptr U1 of 2 pages at the start of the buffer
    And file F1 creates a userptr U2 of 2 pages at the start of the buffer
    When file F1 uses U1 on the GPU
    Then the call succeeds
    When file F1 uses U2 on the GPU
    Then the call fails with EFAULT

    Examples:
      | profile           |
      | i915              |
      | i915-mmap-forward |

  @userptr @mmap @cat-51 @cat-78
  Scenario Outline: a READ_ONLY userptr has no mmap offset, writable or not (<profile>, <offset> offset)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A maps 1 page read-write
    And file F1 creates a READ_ONLY userptr U1 of 1 page at the start of the buffer
    When file F1 asks for the <offset> offset of U1
    Then the call fails with ENODEV

    Examples:
      | profile           | offset   |
      | i915-2019         | WB mmap  |
      | i915              | WB mmap  |
      | i915              | GTT mmap |
      | i915-mmap-forward | WC mmap  |

  @userptr @cat-42 @cat-52
  Scenario Outline: pwrite into a READ_ONLY userptr is refused (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 1 page read-write
    And file F1 creates a userptr U1 of 1 page at the start of the buffer
    And file F1 creates a READ_ONLY userptr U2 of 1 page at the start of the buffer
    When file F1 writes "data" into U1 with pwrite
    Then the call <writable userptr>
    When file F1 writes "data" into U2 with pwrite
    Then the call fails with EINVAL

    Examples: 5.5 to 5.12 still allowed pwrite into a writable userptr; today none
      | profile   | writable userptr  |
      | i915-2019 | succeeds          |
      | i915      | fails with EINVAL |

  @dmabuf @mmap @cat-94
  Scenario Outline: a dma-buf exported without DRM_RDWR refuses writable mappings (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 exports O1 read-only as dma-buf D1
    When process A maps 1 page of dma-buf D1 read-write as M1
    Then the call fails with EACCES
    When process A maps 1 page of dma-buf D1 read-only as M2
    Then the call succeeds
    When process A changes M2 to read-write
    Then the call fails with EACCES
    When process A writes "x" through M2
    Then the call raises SIGSEGV

    Examples:
      | profile           |
      | generic           |
      | i915-2019         |
      | i915              |
      | i915-mmap-forward |
      | exynos-2012       |
