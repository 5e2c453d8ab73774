package org.uapispec.device.profile;

import org.uapispec.api.Errno;

/**
 * How a profile answers GEM object creation and the DRM core ioctls. Each era is one constant,
 * derived from the era before by {@code with} methods that name what changed.
 *
 * @param createLimit      the largest object the driver creates (rounded size, bytes)
 * @param createTooBig     the errno above {@code createLimit}: E2BIG today [3]; ENOMEM on 3.16, where
 *                         shmem_file_setup refused sizes over MAX_LFS_FILESIZE and i915_gem_create
 *                         mapped the failed allocation to ENOMEM (I)
 * @param dumbRejectsFlags whether MODE_CREATE_DUMB refuses non-zero {@code flags} (2025 patch) [6]
 * @param primeNeedsAuth   whether the PRIME ioctls carry DRM_AUTH (pre-4.x ioctl tables) [24]
 */
public record GemRules(long createLimit, Errno createTooBig, boolean dumbRejectsFlags, boolean primeNeedsAuth) {

    /**
     * Linux 3.x: no size check before the shmem allocation, which fails with ENOMEM (I); dumb flags
     * not checked; PRIME behind DRM_AUTH [24].
     */
    public static final GemRules ERA_2014 = new GemRules(Long.MAX_VALUE, Errno.ENOMEM, false, true);

    /** The 5.5 to 5.12 era: E2BIG above a 16 GiB system-memory region [3]; PRIME render-allowed [24]. */
    public static final GemRules ERA_2019 = ERA_2014
            .withCreateLimit(16L << 30, Errno.E2BIG)
            .withPrimeNeedsAuth(false);

    /** Today's DRM core and i915: MODE_CREATE_DUMB refuses unknown flags (2025 patch) [6]. */
    public static final GemRules MODERN = ERA_2019.withDumbRejectsFlags(true);

    /** Objects over {@code limit} bytes refused with {@code tooBig}. */
    public GemRules withCreateLimit(long limit, Errno tooBig) {
        return new GemRules(limit, tooBig, dumbRejectsFlags, primeNeedsAuth);
    }

    public GemRules withDumbRejectsFlags(boolean value) {
        return new GemRules(createLimit, createTooBig, value, primeNeedsAuth);
    }

    public GemRules withPrimeNeedsAuth(boolean value) {
        return new GemRules(createLimit, createTooBig, dumbRejectsFlags, value);
    }
}
