package org.uapispec.device.profile;

import java.util.List;
import java.util.Objects;

/**
 * How a profile answers the userptr ioctl (catalogue A.3, IDs 27-58). Each era is one constant; the
 * model reads these switches and never branches on a profile's name. Sources: the 2014 seed file
 * ({@code shared/seeds/001}, "seed"), the exynos review ({@code shared/seeds/002}), and the
 * catalogue's kernel keys (K-UP, K-UP-510, K-UP-316).
 *
 * @param supported             whether the driver has a userptr ioctl at all
 * @param checks                the argument checks of the ioctl, in the driver's order
 * @param knownFlags            the flag bits the FLAGS check accepts [28]
 * @param i915Flags             whether the flag bits mean {@code I915_USERPTR_*}; exynos's bits are
 *                              {@code EXYNOS_BO_*} cache attributes with no userptr meaning
 * @param hasLlcOrSnoop         whether the device is coherent with the CPU; else ENODEV [27]
 * @param maxPages              the largest page count before E2BIG ({@code size >> PAGE_SHIFT >
 *                              INT_MAX} in 5.7-5.12) [30]
 * @param vmTotal               the size of the default context's VM, E2BIG above it (seed) [30]
 * @param has48BitPpgtt         whether GPU_MIRROR is possible (seed: ENODEV without)
 * @param readOnlyPtes          whether the VM has read-only PTEs ({@code vm->has_read_only}) [40, 41]
 * @param exynosSizeLimit       exynos {@code priv->userptr_limit}, EINVAL above it (16 MiB default)
 * @param roundsSizeUp          exynos {@code roundup_gem_size}: the size is rounded up, not refused
 * @param unsyncNeedsSysAdmin   UNSYNCHRONIZED is EPERM without CAP_SYS_ADMIN [38]
 * @param overlapRefused        a synchronized overlap with another userptr of the same mm is EINVAL [43]
 * @param eagainWhilePinning    an overlap whose first object still has a gup worker pending is EAGAIN
 *                              [43, 44]; first use spawns gup workers and answers EAGAIN [56]
 * @param otherMmUseFails       a use from another mm (a forked child) is EFAULT [49]
 * @param pinAtCreation         pages are pinned by the ioctl itself (exynos), never invalidated
 * @param cpuCopyRefused        pread/pwrite are EINVAL [52] (and on 3.16: no shmem filp [109])
 * @param mmapRefused           mmap offsets are ENODEV ({@code I915_GEM_OBJECT_NO_MMAP}) [51]
 * @param exportRefused         PRIME export is EINVAL [53]
 */
public record UserptrRules(boolean supported, List<Check> checks, int knownFlags, boolean i915Flags,
        boolean hasLlcOrSnoop, long maxPages, long vmTotal, boolean has48BitPpgtt, boolean readOnlyPtes,
        long exynosSizeLimit, boolean roundsSizeUp, boolean unsyncNeedsSysAdmin, boolean overlapRefused,
        boolean eagainWhilePinning, boolean otherMmUseFails, boolean pinAtCreation, boolean cpuCopyRefused,
        boolean mmapRefused, boolean exportRefused) {

    /** One argument check of the ioctl; the profile lists them in the order its driver runs them. */
    public enum Check {
        /** No LLC and no snooping: ENODEV for every request [27]. */
        COHERENCY,
        /** The seed's {@code i915_gem_context_get(file, ctx_id)}: ENOENT for an unknown context. */
        CONTEXT,
        /** Flags outside {@link #knownFlags}: EINVAL [28]. */
        FLAGS,
        /** More than {@link #maxPages} pages: E2BIG [30]. */
        SIZE_2BIG,
        /** Size 0: EINVAL [29]. */
        ZERO_SIZE,
        /** {@code offset_in_page(ptr | size)}: EINVAL [31, 32]. */
        ALIGNMENT,
        /** {@code !access_ok(ptr, size)}: EFAULT [33]. */
        ACCESS_OK,
        /** UNSYNCHRONIZED: ENODEV for everyone (5.13+) [39]. */
        UNSYNC_REJECTED,
        /** READ_ONLY without read-only PTEs: ENODEV [40, 41]. */
        READ_ONLY,
        /** Size over the context's VM: E2BIG (seed, after alignment) [30]. */
        VM_TOTAL,
        /** GPU_MIRROR without 48-bit PPGTT: ENODEV (seed). */
        GPU_MIRROR,
        /** PROBE: EFAULT if the range has a hole or a PFN mapping [36]. */
        PROBE,
        /** exynos: the rounded size over {@link #exynosSizeLimit}: EINVAL. */
        SIZE_LIMIT
    }

    public UserptrRules {
        checks = List.copyOf(checks);
    }

    /** No userptr ioctl (vgem). */
    public static final UserptrRules NONE = new UserptrRules(false, List.of(), 0, false, false, 0, 0,
            false, false, 0, false, false, false, false, false, false, true, true, true);

    /** Flags the seed file knows: READ_ONLY, GPU_MIRROR and UNSYNCHRONIZED. */
    private static final int FLAGS_2014 = 0x1 | 0x4 | 0x80000000;
    /** READ_ONLY and UNSYNCHRONIZED (3.18 to 5.13). */
    private static final int FLAGS_2019 = 0x1 | 0x80000000;
    /** READ_ONLY, PROBE and UNSYNCHRONIZED (K-UP). */
    private static final int FLAGS_NOW = 0x1 | 0x2 | 0x80000000;
    /** EXYNOS_BO_MASK: NONCONTIG, CACHABLE, WC, USERPTR. */
    private static final int FLAGS_EXYNOS = 0xf;

    /**
     * i915 at Linux 3.16, the seed file exactly: context, flags, alignment, access_ok, READ_ONLY
     * (always ENODEV), VM total, GPU_MIRROR; then the MMU notifier: UNSYNCHRONIZED EPERM, overlap
     * EINVAL or EAGAIN. No zero-size check. A 2 GiB GTT (Ivybridge/Haswell), no 48-bit PPGTT.
     * pread/pwrite refused because the object has no shmem filp (the seed: "banned"; the 3.x
     * {@code if (!obj->base.filp) return -EINVAL} of K-GEM-313 [109], I); GTT mmap and export allowed.
     */
    public static final UserptrRules I915_2014 = new UserptrRules(true,
            List.of(Check.CONTEXT, Check.FLAGS, Check.ALIGNMENT, Check.ACCESS_OK, Check.READ_ONLY,
                    Check.VM_TOTAL, Check.GPU_MIRROR),
            FLAGS_2014, true, true, Long.MAX_VALUE, 1L << 31, false, false, 0, false,
            true, true, true, false, false, true, false, false);

    /**
     * i915 from 3.18 to 5.12 as K-UP-510 has it (5.7+ for the INT_MAX page limit, c11c7bfd for zero
     * size): overlap allowed but EAGAIN while a gup worker is pending [44, 56]; UNSYNCHRONIZED needs
     * CAP_SYS_ADMIN [38]; READ_ONLY on gen8+ read-only PTEs; pread/pwrite and export still work.
     */
    public static final UserptrRules I915_2019 = new UserptrRules(true,
            List.of(Check.COHERENCY, Check.FLAGS, Check.SIZE_2BIG, Check.ZERO_SIZE, Check.ALIGNMENT,
                    Check.ACCESS_OK, Check.READ_ONLY),
            FLAGS_2019, true, true, Integer.MAX_VALUE, Long.MAX_VALUE, false, true, 0, false,
            true, false, true, false, false, false, true, false);

    /**
     * Today's i915 (5.13+ rework), in the check order at the head of catalogue A.3: overlap always
     * allowed [45], no workers, another mm's use EFAULT [49], pread/pwrite/export/mmap refused [51-53].
     */
    public static final UserptrRules I915 = new UserptrRules(true,
            List.of(Check.COHERENCY, Check.FLAGS, Check.SIZE_2BIG, Check.ZERO_SIZE, Check.ALIGNMENT,
                    Check.ACCESS_OK, Check.UNSYNC_REJECTED, Check.READ_ONLY, Check.PROBE),
            FLAGS_NOW, true, true, Long.MAX_VALUE, Long.MAX_VALUE, false, true, 0, false,
            false, false, false, true, false, true, true, true);

    /**
     * The exynos patch under review in 2012: size 0 EINVAL, flags checked against EXYNOS_BO_MASK,
     * the size rounded up and limited to 16 MiB (EINVAL), pages pinned at creation, no MMU notifier.
     */
    public static final UserptrRules EXYNOS_2012 = new UserptrRules(true,
            List.of(Check.ZERO_SIZE, Check.FLAGS, Check.SIZE_LIMIT),
            FLAGS_EXYNOS, false, true, Long.MAX_VALUE, Long.MAX_VALUE, false, false, 16L << 20, true,
            false, false, false, false, true, false, false, false);

    /** These rules with another check order, for tests and what-if profiles. */
    public UserptrRules withChecks(List<Check> newChecks) {
        return new UserptrRules(supported, Objects.requireNonNull(newChecks), knownFlags, i915Flags,
                hasLlcOrSnoop, maxPages, vmTotal, has48BitPpgtt, readOnlyPtes, exynosSizeLimit, roundsSizeUp,
                unsyncNeedsSysAdmin, overlapRefused, eagainWhilePinning, otherMmUseFails, pinAtCreation,
                cpuCopyRefused, mmapRefused, exportRefused);
    }

    /** These rules on a device with or without LLC/snooping and read-only PTEs [27, 41]. */
    public UserptrRules onHardware(boolean llcOrSnoop, boolean readOnly) {
        return new UserptrRules(supported, checks, knownFlags, i915Flags, llcOrSnoop, maxPages, vmTotal,
                has48BitPpgtt, readOnly, exynosSizeLimit, roundsSizeUp, unsyncNeedsSysAdmin, overlapRefused,
                eagainWhilePinning, otherMmUseFails, pinAtCreation, cpuCopyRefused, mmapRefused,
                exportRefused);
    }
}
