package org.uapispec.device.profile;

import org.uapispec.api.Errno;

/**
 * How a profile answers GEM object creation and the DRM core ioctls.
 *
 * @param createLimit      the largest object the driver creates (rounded size, bytes)
 * @param createTooBig     the errno above {@code createLimit}: E2BIG today [3]; ENOMEM on 3.16, where
 *                         shmem_file_setup refused sizes over MAX_LFS_FILESIZE and i915_gem_create
 *                         mapped the failed allocation to ENOMEM (I)
 * @param dumbRejectsFlags whether MODE_CREATE_DUMB refuses non-zero {@code flags} (2025 patch) [6]
 * @param primeNeedsAuth   whether the PRIME ioctls carry DRM_AUTH (pre-4.x ioctl tables) [24]
 */
public record GemRules(long createLimit, Errno createTooBig, boolean dumbRejectsFlags, boolean primeNeedsAuth) {

    /** Today's DRM core and i915: a 16 GiB system-memory region. */
    public static final GemRules MODERN = new GemRules(16L << 30, Errno.E2BIG, true, false);

    /** The 5.5 to 5.12 era: E2BIG already, dumb flags not yet checked. */
    public static final GemRules ERA_2019 = new GemRules(16L << 30, Errno.E2BIG, false, false);

    /** Linux 3.x: no size check before the shmem allocation, PRIME behind DRM_AUTH. */
    public static final GemRules ERA_2014 = new GemRules(Long.MAX_VALUE, Errno.ENOMEM, false, true);
}
