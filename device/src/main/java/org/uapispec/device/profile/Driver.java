package org.uapispec.device.profile;

/**
 * The kernel driver a profile models; it decides which driver-private ioctls exist, and the
 * driver features (drm_driver.driver_features) that GET_CAP reports.
 */
public enum Driver {
    /** The virtual GEM driver: DRM core, dumb buffers, and its fence ioctls (VGEM_FENCE_ATTACH, SIGNAL). */
    VGEM(false, false, "vgem", "Virtual GEM provider", 1, 0),
    /** Intel i915: GEM_CREATE, pread/pwrite, set-domain, execbuffer, userptr, mmap offsets. */
    I915(true, true, "i915", "Intel Graphics", 1, 6),
    /** Samsung exynos: its own GEM create and the userptr patch under review in 2012. */
    EXYNOS(true, false, "exynos", "Samsung SoC DRM", 1, 0);

    private final boolean modeset;
    private final boolean syncobj;
    private final String name;
    private final String desc;
    private final int major;
    private final int minor;

    /**
     * @param name  DRIVER_NAME, what DRM_IOCTL_VERSION names the driver
     * @param desc  DRIVER_DESC
     * @param major DRIVER_MAJOR, the same since the drivers' first years (patchlevel 0 for all three)
     * @param minor DRIVER_MINOR
     */
    Driver(boolean modeset, boolean syncobj, String name, String desc, int major, int minor) {
        this.modeset = modeset;
        this.syncobj = syncobj;
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

    /** DRIVER_SYNCOBJ (i915 since 4.14, with DRIVER_SYNCOBJ_TIMELINE today). */
    public boolean syncobj() {
        return syncobj;
    }
}
