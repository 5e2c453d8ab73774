@mmap @revocation
Feature: mmap offsets are per file: other files get EACCES, closing the handle revokes, mappings outlive handles

  A fake mmap offset is a global number: any process that learns it could pass it to
  mmap(2) on its own DRM file. The DRM core therefore keeps, on each offset node, a list of
  the files allowed to map it, and mmap answers EACCES for a file that is not on the list
  (EINVAL when the offset names nothing at all, catalogue 64). Generic GEM (and i915 before
  5.5, with one GTT offset per object) allows every file that holds a handle (catalogue 65).
  The multiple-mmap-offsets series (seed 004_afe00d3947398d78, "drm/i915: Allow i915 to
  manage the vma offset nodes instead of drm core") gives i915 one node per object and mmap
  type and allows only the file that called MMAP_OFFSET ("drm_vma_node_allow(&mmo->vma_node,
  mmo->file)"); i915_gem_mmap returns -EACCES when "!drm_vma_node_is_allowed(node, priv)".
  GEM_CLOSE revokes the closing file on every node of the object (catalogue 67), but a
  mapping made earlier keeps the object and its pages alive (catalogue 72). Until the
  January 2023 fix (drm_vma_node_allow_once) each MMAP_OFFSET call took one more allow
  reference and GEM_CLOSE dropped only one, so a file that asked twice stayed allowed
  (catalogue 69).

  "asks for the mmap offset" uses the profile's own ioctl: MODE_MAP_DUMB on generic and
  exynos, MMAP_GTT on i915-2014, MMAP_OFFSET (WB) from i915-2019. "maps" uses the offset
  the object was last given, whichever file asked for it.

  @cat-65
  Scenario Outline: a file that holds a handle but never asked for the offset (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 shares O1 with file F2 by flink name
    And file F1 asks for the mmap offset of O1
    When file F2 maps 1 page of O1 read-write as M2
    Then the call <answer>

    Examples: every handle holder may map: the DRM core's one node per object
      | profile     | answer   |
      | generic     | succeeds |
      | i915-2014   | succeeds |
      | exynos-2012 | succeeds |

    Examples: only the files that asked may map: one node per object and type
      | profile           | answer            |
      | i915-2019         | fails with EACCES |
      | i915              | fails with EACCES |
      | i915-mmap-forward | fails with EACCES |

  @cat-64
  Scenario Outline: a file without a handle gets EACCES (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    When file F2 maps 1 page of O1 read-write as M2
    Then the call fails with EACCES

    Examples:
      | profile           |
      | generic           |
      | i915-2014         |
      | i915-2019         |
      | i915              |
      | i915-mmap-forward |
      | exynos-2012       |

  @cat-66
  Scenario Outline: once it asks too, the second file maps the same pages (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "written by F1" through M1
    And file F1 shares O1 with file F2 by flink name
    When file F2 asks for the mmap offset of O1
    And file F2 maps 1 page of O1 read-write as M2
    Then process A reads "written by F1" through M2

    Examples:
      | profile   |
      | generic   |
      | i915-2014 |
      | i915      |

  @cat-67 @cat-72
  Scenario Outline: closing the handle revokes that file only (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 shares O1 with file F2 by flink name
    And file F1 asks for the mmap offset of O1
    And file F2 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "written by F1" through M1
    When file F1 closes O1
    And file F1 maps 1 page of O1 read-write as M3
    Then the call fails with EACCES
    When file F2 maps 1 page of O1 read-write as M2
    Then process A reads "written by F1" through M2

    Examples:
      | profile           |
      | generic           |
      | i915-2014         |
      | i915-2019         |
      | i915              |
      | i915-mmap-forward |
      | exynos-2012       |

  @cat-72
  Scenario Outline: a mapping outlives the handle it was made through (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And process A writes "kept alive" through M1
    When file F1 closes O1
    Then process A reads "kept alive" through M1
    When process A writes "still here" through M1
    Then process A reads "still here" through M1

    Examples:
      | profile           |
      | generic           |
      | i915-2014         |
      | i915-2019         |
      | i915              |
      | i915-mmap-forward |
      | exynos-2012       |

  @cat-70
  Scenario Outline: when the last mapping goes, the offset names nothing: EACCES turns into EINVAL (<profile>)
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 asks for the mmap offset of O1
    And file F1 maps 1 page of O1 read-write as M1
    And file F1 closes O1
    When file F1 maps 1 page of O1 read-write as M2
    Then the call fails with EACCES
    When process A unmaps M1
    And file F1 maps 1 page of O1 read-write as M3
    Then the call fails with EINVAL

    Examples:
      | profile   |
      | generic   |
      | i915-2014 |
      | i915      |

  @cat-69
  Scenario Outline: asking three times, closing once (<profile>) <answer>
    Given the profile "<profile>"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 shares O1 with file F2 by flink name
    And file F1 asks for the mmap offset of O1
    And file F1 asks for the mmap offset of O1
    And file F1 asks for the mmap offset of O1
    When file F1 closes O1
    And file F1 maps 1 page of O1 read-write as M1
    Then the call <answer>

    Examples: 5.5 to 6.1 leaked an allow reference per extra ask
      | profile   | answer   |
      | i915-2019 | succeeds |

    Examples: drm_vma_node_allow_once (January 2023)
      | profile | answer            |
      | i915    | fails with EACCES |

  @cat-68
  Scenario: closing the other file leaves this one mapping; the closed descriptor is EBADF
    Given the profile "i915"
    And process A opens file F1 on the card node
    And process A opens file F2 on the card node
    And file F1 creates object O1 of 1 page
    And file F1 shares O1 with file F2 by flink name
    And file F2 asks for the mmap offset of O1
    And file F1 asks for the mmap offset of O1
    When process A closes file F2
    And file F2 maps 1 page of O1 read-write as M2
    Then the call fails with EBADF
    When file F1 maps 1 page of O1 read-write as M1
    Then the call succeeds
