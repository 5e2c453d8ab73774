package org.uapispec.device.reference;

import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Driver;
import org.uapispec.device.profile.Profile;

/**
 * DRM_IOCTL_GET_CAP as drm_getcap (drivers/gpu/drm/drm_ioctl.c) answers it. Since Linux 4.x it
 * first answers the capabilities that mean something to every driver, TIMESTAMP_MONOTONIC (1),
 * PRIME (import and export, 0 for a driver without prime callbacks before 6.6) and the two syncobj ones (the driver's DRIVER_SYNCOBJ and
 * DRIVER_SYNCOBJ_TIMELINE), then refuses every other one with EOPNOTSUPP on a driver without
 * DRIVER_MODESET: so vgem answers DUMB_BUFFER with EOPNOTSUPP, although it makes dumb buffers. A KMS
 * driver answers DUMB_BUFFER 1 and a number past the era's last capability EINVAL. The display
 * capabilities (preferred depth, cursor size, page flips, modifiers) belong to the modes a
 * profile does not model, and the model refuses to answer them rather than guess.
 */
final class Capabilities {
    private Capabilities() {
    }

    static Outcome<Long> get(Profile profile, long capability) {
        Driver driver = profile.driver();
        long last = profile.gem().lastCapability();
        if (capability == DrmIoctl.CAP_TIMESTAMP_MONOTONIC) {
            return Outcome.ok(1L); // drm_timestamp_monotonic, 1 unless the module parameter says otherwise
        }
        if (capability == DrmIoctl.CAP_PRIME) {
            // the driver's prime_fd_to_handle and prime_handle_to_fd; since 6.6 the core's, for every driver
            return Outcome.ok(profile.mmap().primeIoctls() ? DrmIoctl.PRIME_CAP_IMPORT_EXPORT : 0L);
        }
        if ((capability == DrmIoctl.CAP_SYNCOBJ || capability == DrmIoctl.CAP_SYNCOBJ_TIMELINE) && capability <= last) {
            return syncobj(profile, capability);
        }
        if (!driver.modeset()) {
            return Outcome.err(Errno.EOPNOTSUPP);
        }
        if (capability == DrmIoctl.CAP_DUMB_BUFFER) {
            return Outcome.ok(1L); // dev->driver->dumb_create is set
        }
        if (capability < DrmIoctl.CAP_DUMB_BUFFER || capability > last
                || (capability > DrmIoctl.CAP_CURSOR_HEIGHT && capability < DrmIoctl.CAP_ADDFB2_MODIFIERS)) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.refused("DRM_CAP " + capability + " describes the display of a KMS driver, which the "
                + profile.name() + " profile does not model");
    }

    /**
     * A driver's syncobj features (GemRules.syncobj): vgem has neither, virtio-gpu both from 6.12;
     * i915 has DRIVER_SYNCOBJ from 4.14. When i915 gained DRIVER_SYNCOBJ_TIMELINE is not part of what
     * the model follows, so it refuses to answer that capability there rather than guess an era.
     */
    private static Outcome<Long> syncobj(Profile profile, long capability) {
        return switch (profile.gem().syncobj()) {
            case NONE -> Outcome.ok(0L);
            case TIMELINE -> Outcome.ok(1L);
            case BINARY -> capability == DrmIoctl.CAP_SYNCOBJ ? Outcome.ok(1L)
                    : Outcome.refused("DRM_CAP_SYNCOBJ_TIMELINE of " + profile.driver().driverName()
                            + ": the release that gave the driver DRIVER_SYNCOBJ_TIMELINE is not modelled");
        };
    }
}
