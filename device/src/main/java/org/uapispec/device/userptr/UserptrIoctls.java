package org.uapispec.device.userptr;

import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.process.Process;

/**
 * The userptr ioctl of one call: {@code DRM_IOCTL_I915_GEM_USERPTR}, and exynos's
 * {@code DRM_IOCTL_EXYNOS_GEM_USERPTR} with the same fields, and
 * {@code DRM_IOCTL_RADEON_GEM_USERPTR}. The driver check and permission flags
 * are done by the caller; the rules come from the device's profile ({@code UserptrRules}).
 */
public final class UserptrIoctls {
    private final DrmFile file;
    private final Process caller;

    public UserptrIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
    }

    /** Creates a userptr object over the caller's memory and returns its handle in {@code file}. */
    public Outcome<Handle> create(I915Ioctl.GemUserptr request) {
        return new UserptrCreator(file, caller).create(UserptrRequest.of(request));
    }

    /** radeon's userptr ioctl: the same creation, by radeon's rules. */
    public Outcome<Handle> create(RadeonIoctl.GemUserptr request) {
        return new UserptrCreator(file, caller).create(UserptrRequest.of(request));
    }
}
