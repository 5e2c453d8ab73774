package org.uapispec.device.profile;

/** The kernel driver a profile models; it decides which driver-private ioctls exist. */
public enum Driver {
    /** The virtual GEM driver: DRM core, dumb buffers, and its fence ioctls (VGEM_FENCE_ATTACH, SIGNAL). */
    VGEM,
    /** Intel i915: GEM_CREATE, pread/pwrite, set-domain, execbuffer, userptr, mmap offsets. */
    I915,
    /** Samsung exynos: its own GEM create and the userptr patch under review in 2012. */
    EXYNOS
}
