package org.uapispec.device.profile;

/**
 * The kernel driver a profile models; it decides which driver-private ioctls exist, and the
 * driver features (drm_driver.driver_features) that GET_CAP reports.
 */
public enum Driver {
    /** The virtual GEM driver: DRM core, dumb buffers, and its fence ioctls (VGEM_FENCE_ATTACH, SIGNAL). */
    VGEM(false, false),
    /** Intel i915: GEM_CREATE, pread/pwrite, set-domain, execbuffer, userptr, mmap offsets. */
    I915(true, true),
    /** Samsung exynos: its own GEM create and the userptr patch under review in 2012. */
    EXYNOS(true, false);

    private final boolean modeset;
    private final boolean syncobj;

    Driver(boolean modeset, boolean syncobj) {
        this.modeset = modeset;
        this.syncobj = syncobj;
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
