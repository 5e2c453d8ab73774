package org.uapispec.device.profile;

import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.uapispec.api.Errno;

/**
 * How a profile answers GEM object creation and the DRM core ioctls. Each era is one constant,
 * derived from the era before by {@link #with}, whose changes name the components that differ.
 *
 * @param createLimit      the largest object the driver creates (rounded size, bytes)
 * @param createTooBig     the errno above {@code createLimit}: E2BIG today [3]; ENOMEM on 3.16, where
 *                         shmem_file_setup refused sizes over MAX_LFS_FILESIZE and i915_gem_create
 *                         mapped the failed allocation to ENOMEM (I)
 * @param primeNeedsAuth   whether the PRIME ioctls carry DRM_AUTH (pre-4.x ioctl tables) [24]
 * @param lastCapability   the highest DRM_CAP_* number drm_getcap knows: CURSOR_HEIGHT (0x9) in
 *                         3.16, SYNCOBJ_TIMELINE (0x14, Linux 5.2) after; larger ones are EINVAL
 *                         on a KMS driver
 * @param syncobj          the driver's DRIVER_SYNCOBJ and DRIVER_SYNCOBJ_TIMELINE features, which
 *                         GET_CAP reports
 * @param dumbDepths       the bpp values the driver's dumb_create accepts past the core's checks
 *                         (EINVAL for others); empty when it takes any the core accepts [6]
 * @param dumbSizeRounded  whether MODE_CREATE_DUMB reports the page-rounded size (the object is
 *                         page-sized either way) rather than pitch * height [6]
 * @param dumbLimit        the largest dumb buffer the driver can back when it is created (bytes):
 *                         drivers that place or pin an object's pages at creation fail above their
 *                         memory; the model checks one object against it, not the sum of all
 * @param dumbTooBig       the errno of a dumb buffer above {@code dumbLimit}
 * @param virtioGpu        virtio-gpu's own ioctls in this era (read only on that driver)
 * @param qxlSurfaces      what qxl's GETPARAM NUM_SURFACES answers: the surfaces QEMU's qxl ROM
 *                         offers (read only on qxl)
 * @param dumbPitch        how the driver's dumb_create lays out a row
 * @param radeon           radeon's device as the guest probes it (read only on radeon)
 */
public record GemRules(long createLimit, Errno createTooBig, boolean primeNeedsAuth, long lastCapability,
        Syncobj syncobj, Set<Integer> dumbDepths, boolean dumbSizeRounded, long dumbLimit, Errno dumbTooBig,
        VirtioGpuRules virtioGpu, long qxlSurfaces, DumbPitch dumbPitch, RadeonRules radeon) {

    /** The syncobj features of drm_driver.driver_features. */
    public enum Syncobj {
        /** Neither DRIVER_SYNCOBJ nor DRIVER_SYNCOBJ_TIMELINE: both capabilities are 0. */
        NONE,
        /** DRIVER_SYNCOBJ; when the driver gained DRIVER_SYNCOBJ_TIMELINE is not modelled. */
        BINARY,
        /** DRIVER_SYNCOBJ and DRIVER_SYNCOBJ_TIMELINE: both capabilities are 1. */
        TIMELINE
    }

    /** The pitch of a dumb buffer's rows. */
    public enum DumbPitch {
        /** {@code width * cpp}, as drm_mode_create_dumb computes it and the helpers keep it. */
        PACKED,
        /**
         * radeon_align_pitch on a family before AVIVO, untiled: the width rounded up to 128 pixels
         * at 1 byte a pixel, 32 at 2, 16 at 3 or 4, none at more; the sum or product overflowing an
         * int gives pitch 0, which radeon_mode_dumb_create refuses (EINVAL).
         */
        RADEON_R100;

        /** The pitch in bytes of a row of {@code width} pixels of {@code cpp} bytes; 0 when the driver refuses. */
        public long pitch(long width, long cpp) {
            return switch (this) {
                case PACKED -> width * cpp;
                case RADEON_R100 -> {
                    long mask = cpp == 1 ? 127 : cpp == 2 ? 31 : cpp == 3 || cpp == 4 ? 15 : 0;
                    long aligned = (width + mask) & ~mask;
                    long pitch = aligned * cpp;
                    yield width + mask > Integer.MAX_VALUE || pitch > Integer.MAX_VALUE ? 0 : pitch;
                }
            };
        }
    }

    public GemRules {
        Objects.requireNonNull(createTooBig, "createTooBig");
        Objects.requireNonNull(syncobj, "syncobj");
        Objects.requireNonNull(dumbTooBig, "dumbTooBig");
        Objects.requireNonNull(virtioGpu, "virtioGpu");
        Objects.requireNonNull(dumbPitch, "dumbPitch");
        Objects.requireNonNull(radeon, "radeon");
        dumbDepths = Set.copyOf(dumbDepths);
    }

    /**
     * Linux 3.x: no size check before the shmem allocation, which fails with ENOMEM (I); PRIME behind
     * DRM_AUTH [24].
     */
    public static final GemRules ERA_2014 = new Edit().build();

    /** The 5.5 to 5.12 era: E2BIG above a 16 GiB system-memory region [3]; PRIME render-allowed [24]. */
    public static final GemRules ERA_2019 = ERA_2014.with(r -> {
        r.createLimit = 16L << 30;
        r.createTooBig = Errno.E2BIG;
        r.primeNeedsAuth = false;
        r.lastCapability = 0x14; // DRM_CAP_SYNCOBJ_TIMELINE, Linux 5.2
    });

    /**
     * Today's DRM core and i915, as the 2019 era. MODE_CREATE_DUMB ignores its {@code flags} [6]: the
     * 2025 patch that refuses them is in none of Debian's kernels up to 7.2.13 (flags = 1 succeeds on
     * vgem on 5.10, 6.1, 6.12 and 7.2, linux/ModelAgreementTest), and drm_mode_create_dumb() in
     * drivers/gpu/drm/drm_dumb_buffers.c checks width, height and bpp only.
     */
    public static final GemRules MODERN = ERA_2019;

    /** These rules with {@code change} made to them. */
    public GemRules with(Consumer<Edit> change) {
        Edit edit = new Edit();
        edit.createLimit = createLimit;
        edit.createTooBig = createTooBig;
        edit.primeNeedsAuth = primeNeedsAuth;
        edit.lastCapability = lastCapability;
        edit.syncobj = syncobj;
        edit.dumbDepths = dumbDepths;
        edit.dumbSizeRounded = dumbSizeRounded;
        edit.dumbLimit = dumbLimit;
        edit.dumbTooBig = dumbTooBig;
        edit.virtioGpu = virtioGpu;
        edit.qxlSurfaces = qxlSurfaces;
        edit.dumbPitch = dumbPitch;
        edit.radeon = radeon;
        change.accept(edit);
        return edit.build();
    }

    /** The components of rules being derived, named as in the record; a new one holds {@link #ERA_2014}'s. */
    public static final class Edit {
        public long createLimit = Long.MAX_VALUE;
        public Errno createTooBig = Errno.ENOMEM;
        public boolean primeNeedsAuth = true;
        public long lastCapability = 0x9; // DRM_CAP_CURSOR_HEIGHT, Linux 3.14
        public Syncobj syncobj = Syncobj.NONE;
        public Set<Integer> dumbDepths = Set.of();
        public boolean dumbSizeRounded = true;
        public long dumbLimit = Long.MAX_VALUE;
        public Errno dumbTooBig = Errno.ENOMEM;
        public VirtioGpuRules virtioGpu = VirtioGpuRules.NEWEST;
        public long qxlSurfaces;
        public DumbPitch dumbPitch = DumbPitch.PACKED;
        public RadeonRules radeon = RadeonRules.RV100;

        private Edit() {
        }

        private GemRules build() {
            return new GemRules(createLimit, createTooBig, primeNeedsAuth, lastCapability, syncobj, dumbDepths,
                    dumbSizeRounded, dumbLimit, dumbTooBig, virtioGpu, qxlSurfaces, dumbPitch, radeon);
        }
    }
}
