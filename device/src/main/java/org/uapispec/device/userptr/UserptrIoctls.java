package org.uapispec.device.userptr;

import org.uapispec.device.api.Errno;
import org.uapispec.device.api.Handle;
import org.uapispec.device.api.I915Ioctl;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.process.Process;

/** The userptr ioctl of one call. */
public final class UserptrIoctls {
    private final DrmFile file;
    private final Process caller;

    public UserptrIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
    }

    /** I915_GEM_USERPTR (and exynos's equivalent). */
    public Outcome<Handle> create(I915Ioctl.GemUserptr request) {
        return Outcome.err(Errno.ENOSYS); // not modelled yet: file, caller and request are its inputs
    }

    DrmFile file() {
        return file;
    }

    Process caller() {
        return caller;
    }
}
