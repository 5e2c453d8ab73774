@userptr @overlap
Feature: Overlapping userptr ranges: refused when userptr was merged, allowed since

  A synchronized userptr object follows its memory with an MMU notifier: when the process
  unmaps or replaces the pages, the kernel drops the object's pages. Revision v15 of the
  commit that introduced userptr (seed 000_71d92f04095ba272: "Prevent overlapping userptr
  objects, and invalidate all objects within the mmu_notifier range") kept one interval
  tree per process and refused a second object over the same pages, so an invalidation
  never had to deal with two objects sharing a page. In the 3.16 file (seed
  001_c12b0281803bed39) i915_mmu_notifier_add answers EINVAL, or EAGAIN while the first
  object still has a get_user_pages worker queued, "to give time for the gup-workers to
  flush" (catalogue 43). From 3.18 overlapping objects were allowed and flagged for a
  slower invalidation, EAGAIN remaining while a worker ran (catalogue 44); since the 2021
  rework every object has its own mmu_interval_notifier and overlap is simply allowed
  (catalogue 45). The 2012 exynos patch (seed 002_e3bf0bff9ca4380a) pins the pages at
  creation and has no notifier, so it has no overlap rule at all.

  The tables have one row per profile; the first object always covers pages 1 and 2 of
  a four-page buffer.

  @cat-43 @cat-44 @cat-45
  Scenario Outline: exactly the same pages twice on <profile>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    When file F1 creates a userptr U2 of 2 pages at page 1 of the buffer
    Then the call <answer>

    Examples:
      | profile           | answer            |
      | i915-2014         | fails with EINVAL |
      | i915-2019         | succeeds          |
      | i915              | succeeds          |
      | i915-mmap-forward | succeeds          |
      | exynos-2012       | succeeds          |

  @cat-43 @cat-44 @cat-45
  Scenario Outline: a range that shares only its last page with the first object on <profile>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    When file F1 creates a userptr U2 of 2 pages at the start of the buffer
    Then the call <answer>

    Examples:
      | profile           | answer            |
      | i915-2014         | fails with EINVAL |
      | i915-2019         | succeeds          |
      | i915              | succeeds          |
      | i915-mmap-forward | succeeds          |
      | exynos-2012       | succeeds          |

  @cat-43 @cat-44 @cat-45
  Scenario Outline: a range that swallows the first object on <profile>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    When file F1 creates a userptr U2 of 4 pages at the start of the buffer
    Then the call <answer>

    Examples:
      | profile           | answer            |
      | i915-2014         | fails with EINVAL |
      | i915-2019         | succeeds          |
      | i915              | succeeds          |
      | i915-mmap-forward | succeeds          |
      | exynos-2012       | succeeds          |

  @cat-43
  Scenario: neighbours that touch at a page boundary do not overlap
    Given the profile "i915-2014"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    When file F1 creates a userptr U2 of 1 page at the start of the buffer
    Then the call succeeds
    When file F1 creates a userptr U3 of 1 page at page 3 of the buffer
    Then the call succeeds

  @cat-43 @cat-38
  Scenario: an unsynchronized object has no notifier, so it may overlap anything
    Given the profile "i915-2014"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    When file F1 creates an UNSYNCHRONIZED userptr U2 of 2 pages at page 1 of the buffer
    Then the call succeeds

  @cat-43 @cat-47
  Scenario: closing the first object frees its range for a new one
    Given the profile "i915-2014"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at page 1 of the buffer
    And file F1 closes U1
    When file F1 creates a userptr U2 of 2 pages at page 1 of the buffer
    Then the call succeeds

  @cat-43 @cat-44 @cat-56
  Scenario Outline: an overlap while the first object's pages are still being pinned on <profile>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 2 pages at the start of the buffer
    And process A unmaps 1 page at page 1 of the buffer
    When file F1 uses U1 on the GPU
    Then the call fails with <first use>
    When file F1 creates a userptr U2 of 2 pages at page 1 of the buffer
    Then the call <while pinning>
    When file F1 creates a userptr U3 of 2 pages at page 1 of the buffer
    Then the call <after the worker>

    Examples: before 5.13 the first use queues a gup worker and answers EAGAIN
      | profile   | first use | while pinning     | after the worker  |
      | i915-2014 | EAGAIN    | fails with EAGAIN | fails with EINVAL |
      | i915-2019 | EAGAIN    | fails with EAGAIN | succeeds          |

    Examples: today pages are pinned synchronously: the hole is EFAULT, overlap is fine
      | profile | first use | while pinning | after the worker |
      | i915    | EFAULT    | succeeds      | succeeds         |
