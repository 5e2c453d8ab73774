package org.uapispec.device.userptr;

import org.uapispec.api.I915Ioctl;
import org.uapispec.api.RadeonIoctl;

/**
 * The fields every userptr ioctl has, whichever driver's it is: i915's and exynos's
 * {@code struct drm_i915_gem_userptr} layout, radeon's {@code struct drm_radeon_gem_userptr}
 * (which has no context).
 */
record UserptrRequest(long ptr, long size, int flags, int ctxId) {

    static UserptrRequest of(I915Ioctl.GemUserptr request) {
        return new UserptrRequest(request.userPtr(), request.userSize(), request.flags(), request.ctxId());
    }

    static UserptrRequest of(RadeonIoctl.GemUserptr request) {
        return new UserptrRequest(request.addr(), request.size(), request.flags(), 0);
    }
}
