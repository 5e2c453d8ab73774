@drivers
Feature: the drivers of a QEMU guest answer the same calls differently

  A QEMU guest without a GPU binds six DRM drivers: vgem (the generic profile), virtio-gpu,
  bochs, qxl, cirrus and radeon (on an emulated ATI RV100). They share the DRM core's ioctls but
  not its helpers: vgem, virtio-gpu and cirrus keep their objects in shmem
  (drm_gem_shmem_helper.c); qxl and radeon keep them in TTM buffers; bochs used the VRAM helpers
  over TTM until 6.13 and the shmem helpers after. So the same call gets different answers. These rows hold in every kernel era
  here (5.10, 6.1, 6.12, 7.2); the answers that change with the era are in the spec files
  (specs/README.md indexes them by driver).

  A render node (renderD128 and on) exists only for a driver with DRIVER_RENDER: the
  display-only drivers have none. The depths a dumb buffer may have are the driver's
  dumb_create's to choose: virtio-gpu takes 32 bpp only, qxl 16 and 32 (catalogue 6). And the
  page below a user's first object is nothing, except on qxl, whose own object, made at probe,
  has a TTM node there that no file may map (catalogue 64).

  @cat-24
  Scenario Outline: a render node on <profile>
    Given the profile "<profile>"
    When process A opens file R on the render node
    Then the call <answer>

    Examples:
      | profile    | answer             |
      | generic    | succeeds           |
      | virtio-gpu | succeeds           |
      | bochs      | fails with ENOENT  |
      | qxl        | fails with ENOENT  |
      | cirrus     | fails with ENOENT  |
      | radeon     | succeeds           |

  @cat-6
  Scenario Outline: an 8 bpp dumb buffer on <profile>
    Given the profile "<profile>"
    And process A opens file F on the card node
    When file F creates a dumb buffer B of 64 pixels at 8 bpp
    Then the call <answer>
    When file F creates a dumb buffer C of 64 pixels at 32 bpp
    Then the call succeeds

    Examples:
      | profile    | answer             |
      | generic    | succeeds           |
      | virtio-gpu | fails with EINVAL  |
      | bochs      | succeeds           |
      | qxl        | fails with EINVAL  |
      | cirrus     | succeeds           |
      | radeon     | succeeds           |

  @cat-64
  Scenario Outline: the page below the first object on <profile>
    Given the profile "<profile>"
    And process A opens file F on the card node
    And file F creates object O of 1 page
    And file F asks for the mmap offset of O
    When file F maps the page below the offset of O
    Then the call <answer>

    Examples:
      | profile    | answer             |
      | generic    | fails with EINVAL  |
      | virtio-gpu | fails with EINVAL  |
      | bochs      | fails with EINVAL  |
      | qxl        | fails with EACCES  |
      | cirrus     | fails with EINVAL  |
