@userptr @alignment
Feature: A userptr covers whole pages: pointer and size must be page aligned

  The i915 userptr ioctl wraps the caller's own memory in a GEM object by inserting
  the backing pages into the GPU's page tables, so it can only ever map whole pages.
  The first revisions tried to fix up an offset inside the first page; revision v9 of
  the commit that introduced userptr (seed 000_71d92f04095ba272, "Limit the userptr to
  page aligned entries. We now expect userspace to handle all the offset-in-page
  adjustments itself", after v5 had already refused GTT mmaps of unaligned buffers)
  made alignment the caller's job. The 3.16 file (seed 001_c12b0281803bed39) checks
  offset_in_page(ptr | size) and answers EINVAL, and every i915 since does the same
  (catalogue 31, 32). A zero size was only refused later (c11c7bfd, catalogue 29):
  the 2014 code creates an empty object.

  @cat-31 @cat-32
  Scenario Outline: a userptr at <ptr> of the buffer, <size> long, on <profile> <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    When file F1 creates a userptr U1 of <size> at <ptr> of the buffer
    Then the call <answer>

    Examples: whole pages are accepted on every era
      | profile   | ptr       | size    | answer    |
      | i915-2014 | the start | 2 pages | succeeds  |
      | i915-2019 | page 1    | 3 pages | succeeds  |
      | i915      | page 3    | 1 page  | succeeds  |

    Examples: a pointer into a page is EINVAL (catalogue 31)
      | profile   | ptr    | size   | answer          |
      | i915-2014 | byte 1 | 1 page | fails with EINVAL |
      | i915-2019 | byte 1 | 1 page | fails with EINVAL |
      | i915      | byte 1 | 1 page | fails with EINVAL |

    Examples: a size that is not whole pages is EINVAL (catalogue 32)
      | profile   | ptr       | size       | answer          |
      | i915-2014 | the start | 4095 bytes | fails with EINVAL |
      | i915-2019 | the start | 4097 bytes | fails with EINVAL |
      | i915      | the start | 4095 bytes | fails with EINVAL |
      | i915      | byte 1    | 4095 bytes | fails with EINVAL |

  @cat-29
  Scenario Outline: a zero size on <profile> <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    When file F1 creates a userptr U1 of 0 bytes at the start of the buffer
    Then the call <answer>

    Examples: the 2014 code had no zero-size check; c11c7bfd added one
      | profile   | answer            |
      | i915-2014 | succeeds          |
      | i915-2019 | fails with EINVAL |
      | i915      | fails with EINVAL |

  @cat-31 @cat-35
  Scenario: an aligned userptr is a GEM object the GPU can use
    Given the profile "i915"
    And process A opens file F1 on the render node
    And process A maps 4 pages read-write
    And file F1 creates a userptr U1 of 4 pages at the start of the buffer
    When file F1 uses U1 on the GPU
    Then the call succeeds
