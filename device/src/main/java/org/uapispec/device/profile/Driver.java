package org.uapispec.device.profile;

/**
 * The kernel driver a profile models; it decides which driver-private ioctls exist, and the
 * driver features (drm_driver.driver_features) that GET_CAP reports.
 */
public enum Driver {
    /** The virtual GEM driver: DRM core, dumb buffers, and its fence ioctls (VGEM_FENCE_ATTACH, SIGNAL). */
    VGEM(false, true, "vgem", "Virtual GEM provider", 1, 0),
    /** virtio-gpu (drivers/gpu/drm/virtio): shmem objects backing host resources; no virgl here. */
    VIRTIO_GPU(true, true, "virtio_gpu", "virtio GPU", 0, 1),
    /**
     * bochs (drivers/gpu/drm/tiny/bochs.c, drivers/gpu/drm/bochs before 5.14): QEMU's standard VGA.
     */
    BOCHS(true, false, "bochs-drm", "bochs dispi vga interface (qemu stdvga)", 1, 0),
    /** qxl (drivers/gpu/drm/qxl): TTM objects in the device's VRAM and surface BARs. */
    QXL(true, false, "qxl", "RH QXL", 0, 1),
    /**
     * cirrus (drivers/gpu/drm/tiny/cirrus.c): QEMU's Cirrus Logic card, shmem helpers; renamed
     * {@link #CIRRUS_QEMU} by 7.2.
     */
    CIRRUS(true, false, "cirrus", "qemu cirrus vga", 2, 0),
    /**
     * cirrus as Debian's 7.2 builds it, from drivers/gpu/drm/tiny/cirrus-qemu.c: the same driver under
     * its new name (DRIVER_NAME "cirrus-qemu").
     */
    CIRRUS_QEMU(true, false, "cirrus-qemu", "qemu cirrus vga", 2, 0),
    /**
     * radeon (drivers/gpu/drm/radeon): TTM objects in VRAM, the GTT or system memory, and a userptr
     * ioctl; KMS_DRIVER_MAJOR 2 (the minor is the era's, {@link RadeonRules#kmsMinor}).
     */
    RADEON(true, true, "radeon", "ATI Radeon", 2, 50),
    /** Intel i915: GEM_CREATE, pread/pwrite, set-domain, execbuffer, userptr, mmap offsets. */
    I915(true, true, "i915", "Intel Graphics", 1, 6),
    /** Samsung exynos: its own GEM create and the userptr patch under review in 2012. */
    EXYNOS(true, true, "exynos", "Samsung SoC DRM", 1, 0);

    private final boolean modeset;
    private final boolean render;
    private final String name;
    private final String desc;
    private final int major;
    private final int minor;

    /**
     * @param render DRIVER_RENDER: the device has a render node (renderD128 and on); bochs, qxl and
     *               cirrus are display-only and have none, so opening one is ENOENT
     * @param name  DRIVER_NAME, what DRM_IOCTL_VERSION names the driver
     * @param desc  DRIVER_DESC
     * @param major DRIVER_MAJOR, the same since the drivers' first years (patchlevel 0 for all)
     * @param minor DRIVER_MINOR
     */
    Driver(boolean modeset, boolean render, String name, String desc, int major, int minor) {
        this.modeset = modeset;
        this.render = render;
        this.name = name;
        this.desc = desc;
        this.major = major;
        this.minor = minor;
    }

    public String driverName() {
        return name;
    }

    public String description() {
        return desc;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** DRIVER_MODESET: a KMS driver; vgem is render-only. */
    public boolean modeset() {
        return modeset;
    }

    /** DRIVER_RENDER: whether the device has a render node. */
    public boolean render() {
        return render;
    }
}
