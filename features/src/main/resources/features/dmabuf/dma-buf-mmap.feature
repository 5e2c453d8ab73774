@dmabuf
Feature: dma-buf mmap: map the dma-buf fd; an imported object is refused or forwarded by profile

  PRIME turns a GEM object into a dma-buf file descriptor that another file, process or
  driver imports. The dma-buf fd can itself be mapped; the exporter decides how
  (catalogue 93), writable only when the export asked for DRM_RDWR (catalogue 94), and a
  forked child can map the fd it inherited (catalogue 96). A dma-buf keeps its object
  alive after the last handle goes (catalogue 92), and importing into a file that already
  holds the object gives back the same handle (catalogue 91).

  An object imported from another driver is a different matter. i915 refuses to map it
  through its own MMAP_OFFSET (WB/WC/UC): the import has no struct pages for i915 to fault
  in, so the answer is ENODEV (catalogue 99); only the GTT type, which goes through the
  aperture, works. The 2023 RFC "drm/i915: Allow dmabuf mmap forwarding" (seed
  003_ca9757e752b64193) forwards such mappings to dma_buf_mmap() because "compliance suites
  fail" on the refusal; the maintainer's reply is that userspace should mmap the dma-buf fd
  instead. Profile i915-mmap-forward applies the RFC. The 3.16 i915 had neither DRM_RDWR
  nor a dma-buf mmap (catalogue 88, 93). A userptr's dma-buf has no shmem file to map
  (ENODEV, catalogue 95), and today a userptr cannot be exported at all (catalogue 53).

  @cat-94
  Scenario Outline: bytes written through the object are read through the dma-buf, and back (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "through the object" through M1
    When file F1 exports O1 read-write as dma-buf D1
    And process A maps 1 page of dma-buf D1 read-write as M2
    Then process A reads "through the object" through M2
    When process A writes "through the dma-buf" through M2
    Then process A reads "through the dma-buf" through M1

    Examples:
      | profile           |
      | generic           |
      | i915-2019         |
      | i915              |
      | i915-mmap-forward |
      | exynos-2012       |

  @cat-88 @cat-93
  Scenario: i915 at 3.16 had neither DRM_RDWR nor a dma-buf mmap
    Given the profile "i915-2014"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    When file F1 exports O1 read-write as dma-buf D1
    Then the call fails with EINVAL
    When file F1 exports O1 read-only as dma-buf D1
    Then the call succeeds
    When process A maps 1 page of dma-buf D1 read-only as M1
    Then the call fails with EINVAL

  @cat-93
  Scenario Outline: a dma-buf mapping cannot reach past the buffer (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 2 pages
    And file F1 exports O1 read-write as dma-buf D1
    When process A maps 3 pages of dma-buf D1 read-write as M1
    Then the call fails with EINVAL
    When process A maps 2 pages of dma-buf D1 read-write as M2
    Then the call succeeds

    Examples:
      | profile |
      | generic |
      | i915    |

  @cat-92
  Scenario Outline: the dma-buf keeps the object after its last handle, and its mapping after the fd (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "survives" through M1
    And process A unmaps M1
    And file F1 exports O1 read-write as dma-buf D1
    When file F1 closes O1
    And process A maps 1 page of dma-buf D1 read-only as M2
    Then process A reads "survives" through M2
    When process A closes dma-buf D1
    Then process A reads "survives" through M2

    Examples:
      | profile   |
      | generic   |
      | i915-2019 |
      | i915      |

  @cat-96 @cat-91
  Scenario Outline: a forked child maps the dma-buf fd it inherited and shares the bytes (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 exports O1 read-write as dma-buf D1
    And process A maps 1 page of dma-buf D1 read-write as M1
    And process A writes "parent wrote" through M1
    When process A forks process B
    And process B maps 1 page of dma-buf D1 read-write as M2
    Then process B reads "parent wrote" through M2
    When process B writes "child wrote!" through M2
    Then process A reads "child wrote!" through M1
    When file F1 in process B imports dma-buf D1 as O1child
    Then file F1 holds O1 and O1child under the same handle

    Examples:
      | profile |
      | generic |
      | i915    |

  @cat-91
  Scenario Outline: importing into the file that exported gives back the same handle; another file maps it too (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "one object" through M1
    And file F1 exports O1 read-write as dma-buf D1
    When file F1 imports dma-buf D1 as O1again
    Then file F1 holds O1 and O1again under the same handle
    When file F2 imports dma-buf D1 as O2
    And file F2 asks for the mmap offset of O2
    And file F2 maps 1 page of O2 read-write as M2
    Then process A reads "one object" through M2

    Examples:
      | profile   |
      | generic   |
      | i915-2019 |
      | i915      |

  @cat-99 @seed-003
  Scenario Outline: a buffer imported from vgem, mapped through i915's own WB offset (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file V on the vgem card node
    And process A opens file F1 on the card node
    And file V creates object B of 1 page
    And file V exports B read-write as dma-buf D1
    And file F1 imports dma-buf D1 as I1
    When file F1 asks for the WB mmap offset of I1
    Then the call <answer>

    Examples: i915 refuses: an import has no pages for i915 to fault in
      | profile | answer            |
      | i915    | fails with ENODEV |

    Examples: the RFC forwards the mapping to dma_buf_mmap()
      | profile           | answer   |
      | i915-mmap-forward | succeeds |

  @cat-99 @seed-003
  Scenario: with the RFC, the forwarded mapping shows and changes the exporter's pages
    Given the profile "i915-mmap-forward"
    And process A opens file V on the vgem card node
    And process A opens file F1 on the card node
    And file V creates object B of 1 page
    And file V asks for the mmap offset of B
    And file V maps 1 page of B read-write as MV
    And process A writes "vgem bytes" through MV
    And file V exports B read-write as dma-buf D1
    And file F1 imports dma-buf D1 as I1
    When file F1 asks for the WB mmap offset of I1
    And file F1 maps 1 page of I1 read-write as MI
    Then process A reads "vgem bytes" through MI
    When process A writes "i915 wrote" through MI
    Then process A reads "i915 wrote" through MV

  @cat-99 @seed-003
  Scenario Outline: the maintainer's way works with or without the RFC: map the dma-buf fd, or GTT (<profile>)
    Given the profile "<profile>"
    And process A opens file V on the vgem card node
    And process A opens file F1 on the card node
    And file V creates object B of 1 page
    And file V asks for the mmap offset of B
    And file V maps 1 page of B read-write as MV
    And process A writes "vgem bytes" through MV
    And file V exports B read-write as dma-buf D1
    And file F1 imports dma-buf D1 as I1
    When process A maps 1 page of dma-buf D1 read-write as MD
    Then process A reads "vgem bytes" through MD
    When file F1 asks for the GTT mmap offset of I1
    And file F1 maps 1 page of I1 read-write as MG
    Then process A reads "vgem bytes" through MG

    Examples:
      | profile           |
      | i915              |
      | i915-mmap-forward |

  @userptr @cat-53 @cat-95
  Scenario: between 5.5 and 5.12 a userptr exports, but its dma-buf has nothing to map
    Given the profile "i915-2019"
    And process A opens file F1 on the card node
    And process A maps 1 page read-write
    And file F1 creates a userptr U1 of 1 page at the start of the buffer
    When file F1 exports U1 read-only as dma-buf D1
    Then the call succeeds
    When process A maps 1 page of dma-buf D1 read-only as M1
    Then the call fails with ENODEV

  @userptr @cat-53
  Scenario: today a userptr cannot be exported at all
    Given the profile "i915"
    And process A opens file F1 on the card node
    And process A maps 1 page read-write
    And file F1 creates a userptr U1 of 1 page at the start of the buffer
    When file F1 exports U1 read-only as dma-buf D1
    Then the call fails with EINVAL
