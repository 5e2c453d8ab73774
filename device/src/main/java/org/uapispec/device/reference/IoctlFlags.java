package org.uapispec.device.reference;

import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.file.DrmFile;

/**
 * The DRM_AUTH / DRM_MASTER / DRM_RENDER_ALLOW flags of an ioctl, and drm_ioctl_permit's check of
 * them (drivers/gpu/drm/drm_ioctl.c) [24].
 */
record IoctlFlags(boolean auth, boolean master, boolean renderAllow) {
    static final IoctlFlags NONE = new IoctlFlags(false, false, false);
    static final IoctlFlags AUTH = new IoctlFlags(true, false, false);
    static final IoctlFlags AUTH_MASTER = new IoctlFlags(true, true, false);
    static final IoctlFlags RENDER_ALLOW = new IoctlFlags(false, false, true);
    static final IoctlFlags AUTH_RENDER_ALLOW = new IoctlFlags(true, false, true);

    /** EACCES when {@code file} may not issue an ioctl with these flags. */
    Outcome<Void> permit(DrmFile file) {
        if (auth && !file.isRender() && !file.authenticated()) {
            return Outcome.err(Errno.EACCES);
        }
        if (master && !file.isMaster()) {
            return Outcome.err(Errno.EACCES);
        }
        if (!renderAllow && file.isRender()) {
            return Outcome.err(Errno.EACCES);
        }
        return Outcome.ok();
    }
}
