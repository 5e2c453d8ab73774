@udmabuf
Feature: udmabuf: a dma-buf made of a memfd's own pages

  A memfd is anonymous shared memory with a file descriptor. /dev/udmabuf turns a range of it
  into a dma-buf, so that a buffer a program filled with the CPU can be handed to a DRM driver
  without a copy. The dma-buf does not copy the pages: it pins the memfd's own, so a byte
  written through either is read through the other, and the pages stay after the memfd is
  closed (catalogue 108). In exchange udmabuf asks the memfd to promise that its pages stay:
  it must be sealed against shrinking (F_SEAL_SHRINK), and it must not be sealed against
  writes (F_SEAL_WRITE, and since a 2024 fix F_SEAL_FUTURE_WRITE), since the dma-buf is always
  writable (catalogue 105). Debian's kernels build udmabuf from 6.12; on an older one these
  scenarios are skipped.

  Background:
    Given the profile "generic"
    And the kernel has udmabuf
    And process A creates memfd M of 2 pages

  @cat-108
  Scenario: bytes written through the memfd are read through the udmabuf, and back
    Given process A seals memfd M against shrinking
    And process A maps 2 pages of memfd M read-write as M1
    When process A makes udmabuf D of 2 pages of memfd M
    Then the call succeeds
    When process A maps 2 pages of dma-buf D read-write as M2
    And process A writes "through the memfd" through M1
    Then process A reads "through the memfd" through M2
    When process A writes "through the dma-buf" through M2
    Then process A reads "through the dma-buf" through M1
    When process A closes memfd M
    And process A unmaps M1
    Then process A reads "through the dma-buf" through M2

  @cat-105
  Scenario Outline: udmabuf takes a memfd sealed against shrinking, not against writes (<seals>)
    Given process A seals memfd M against <seals>
    When process A makes udmabuf D of 1 page of memfd M
    Then the call <answer>

    Examples:
      | seals                       | answer            |
      | nothing                     | fails with EINVAL |
      | growing                     | fails with EINVAL |
      | shrinking                   | succeeds          |
      | shrinking and growing       | succeeds          |
      | shrinking and writes        | fails with EINVAL |
      | shrinking and future-writes | fails with EINVAL |
