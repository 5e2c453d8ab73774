package org.uapispec.device.profile;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.uapispec.api.Errno;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.RadeonIoctl;

/**
 * How a profile answers the userptr ioctl (catalogue A.3, IDs 27-58). Each era is one constant,
 * derived from the era before by {@link #with}, whose changes name the components that differ and
 * cite why; the model reads these switches and never branches on a profile's name. Sources: the
 * 2014 userptr seed document ("seed"), the 2012 exynos userptr review,
 * and the catalogue's kernel keys (K-UP, K-UP-510, K-UP-316).
 *
 * @param supported             whether the driver has a userptr ioctl at all
 * @param checks                the argument checks of the ioctl, in the driver's order
 * @param knownFlags            the flag bits the FLAGS check accepts [28]
 * @param flagBits              what the flag bits mean: {@code I915_USERPTR_*}, exynos's
 *                              {@code EXYNOS_BO_*} cache attributes with no userptr meaning, or
 *                              {@code RADEON_GEM_USERPTR_*}
 * @param hasLlcOrSnoop         whether the device is coherent with the CPU; else ENODEV [27]
 * @param maxPages              the largest page count before E2BIG ({@code size >> PAGE_SHIFT >
 *                              INT_MAX} in 5.7-5.12) [30]
 * @param vmTotal               the size of the default context's VM, E2BIG above it (seed) [30]
 * @param has48BitPpgtt         whether GPU_MIRROR is possible (seed: ENODEV without)
 * @param readOnlyPtes          whether the VM has read-only PTEs ({@code vm->has_read_only}) [40, 41]
 * @param exynosSizeLimit       exynos {@code priv->userptr_limit}, EINVAL above it (16 MiB default)
 * @param unsyncNeedsSysAdmin   UNSYNCHRONIZED is EPERM without CAP_SYS_ADMIN [38]
 * @param overlapRefused        a synchronized overlap with another userptr of the same mm is EINVAL [43]
 * @param eagainWhilePinning    an overlap whose first object still has a gup worker pending is EAGAIN
 *                              [43, 44]; first use spawns gup workers and answers EAGAIN [56]
 * @param otherMmUseFails       a use from another mm (a forked child) is EFAULT [49]
 * @param pinAtCreation         pages are pinned by the ioctl itself (exynos), never invalidated
 * @param cpuCopyRefused        pread/pwrite are EINVAL [52] (and on 3.16: no shmem filp [109])
 * @param mmapRefused           the errno of an mmap offset for the object, where there is none: ENODEV
 *                              ({@code I915_GEM_OBJECT_NO_MMAP}) [51]; radeon_mode_dumb_mmap's EPERM
 * @param exportRefused         the errno of a PRIME export, where refused: EINVAL [53];
 *                              radeon_gem_prime_export's EPERM
 */
public record UserptrRules(boolean supported, List<Check> checks, int knownFlags, FlagBits flagBits,
        boolean hasLlcOrSnoop, long maxPages, long vmTotal, boolean has48BitPpgtt, boolean readOnlyPtes,
        long exynosSizeLimit, boolean unsyncNeedsSysAdmin, boolean overlapRefused,
        boolean eagainWhilePinning, boolean otherMmUseFails, boolean pinAtCreation, boolean cpuCopyRefused,
        Optional<Errno> mmapRefused, Optional<Errno> exportRefused) {

    /** Whose flag bits the ioctl takes. */
    public enum FlagBits {
        /** {@code I915_USERPTR_READ_ONLY}, {@code UNSYNCHRONIZED}, ... */
        I915,
        /** {@code EXYNOS_BO_*}: cache attributes, nothing the userptr path reads. */
        EXYNOS,
        /** {@code RADEON_GEM_USERPTR_*}: READONLY, ANONONLY, VALIDATE and REGISTER (the notifier). */
        RADEON
    }

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
        SIZE_LIMIT,
        /**
         * radeon: READONLY is EINVAL before R600; a writable object needs ANONONLY and REGISTER, else
         * EACCES.
         */
        RADEON_ACCESS,
        /**
         * radeon_gem_object_create: a size over the GTT is ENOMEM; an empty object fails in TTM
         * ({@code RadeonRules#emptyObject}).
         */
        RADEON_OBJECT,
        /** REGISTER: mmu_interval_notifier_insert's EOVERFLOW when {@code addr + size - 1} wraps. */
        NOTIFIER_RANGE,
        /** VALIDATE: placing the object in the GTT, EINVAL where the GART is not set up. */
        VALIDATE
    }

    public UserptrRules {
        checks = List.copyOf(checks);
    }

    /** No userptr ioctl (vgem): no checks, no limits, and every use of a userptr object refused. */
    public static final UserptrRules NONE = new Edit().build();

    /** Flags the seed file knows: READ_ONLY, GPU_MIRROR and UNSYNCHRONIZED. */
    private static final int FLAGS_2014 =
            I915Ioctl.USERPTR_READ_ONLY | I915Ioctl.USERPTR_GPU_MIRROR | I915Ioctl.USERPTR_UNSYNCHRONIZED;
    /** READ_ONLY and UNSYNCHRONIZED (3.18 to 5.13). */
    private static final int FLAGS_2019 = I915Ioctl.USERPTR_READ_ONLY | I915Ioctl.USERPTR_UNSYNCHRONIZED;
    /** READ_ONLY, PROBE and UNSYNCHRONIZED (K-UP). */
    private static final int FLAGS_NOW =
            I915Ioctl.USERPTR_READ_ONLY | I915Ioctl.USERPTR_PROBE | I915Ioctl.USERPTR_UNSYNCHRONIZED;
    /**
     * EXYNOS_BO_MASK: NONCONTIG, CACHABLE, WC, USERPTR (exynos_drm.h of the 2012 patch; the api has
     * no names for these cache attributes, which mean nothing to userptr [28]).
     */
    private static final int FLAGS_EXYNOS = 0xf;

    /**
     * i915 at Linux 3.16, the seed file exactly: context, flags, alignment, access_ok, READ_ONLY
     * (always ENODEV), VM total, GPU_MIRROR; then the MMU notifier: UNSYNCHRONIZED EPERM, overlap
     * EINVAL or EAGAIN. No zero-size check. A 2 GiB GTT (Ivybridge/Haswell), no 48-bit PPGTT.
     * pread/pwrite refused because the object has no shmem filp (the seed: "banned"; the 3.x
     * {@code if (!obj->base.filp) return -EINVAL} of K-GEM-313 [109], I); GTT mmap and export allowed.
     */
    public static final UserptrRules I915_2014 = NONE.with(r -> {
        r.i915Ioctl(FLAGS_2014, Check.CONTEXT, Check.FLAGS, Check.ALIGNMENT, Check.ACCESS_OK, Check.READ_ONLY,
                Check.VM_TOTAL, Check.GPU_MIRROR);
        r.hasLlcOrSnoop = true; // Ivybridge/Haswell [27]
        r.maxPages = Long.MAX_VALUE; // no page-count check yet [30]
        r.vmTotal = 1L << 31; // a 2 GiB GTT [30]
        r.unsyncNeedsSysAdmin = true; // [38]
        r.overlapRefused = true; // [43]
        r.eagainWhilePinning = true; // [43, 56]
        r.mmapRefused = Optional.empty(); // the GTT mmap works
        r.exportRefused = Optional.empty(); // a synchronized userptr is exportable [53]
    });

    /**
     * i915 from 3.18 to 5.12 as K-UP-510 has it (5.7+ for the INT_MAX page limit, c11c7bfd for zero
     * size): overlap allowed but EAGAIN while a gup worker is pending [44, 56]; UNSYNCHRONIZED needs
     * CAP_SYS_ADMIN [38]; READ_ONLY on gen8+ read-only PTEs; pread/pwrite and export still work.
     */
    public static final UserptrRules I915_2019 = I915_2014.with(r -> {
        r.i915Ioctl(FLAGS_2019, Check.COHERENCY, Check.FLAGS, Check.SIZE_2BIG, Check.ZERO_SIZE, Check.ALIGNMENT,
                Check.ACCESS_OK, Check.READ_ONLY);
        r.readOnlyPtes = true; // gen8+ [41]
        r.maxPages = Integer.MAX_VALUE; // size >> PAGE_SHIFT > INT_MAX, 5.7+ [30]
        r.vmTotal = Long.MAX_VALUE; // the VM_TOTAL check is gone [30]
        r.overlapRefused = false; // 3.18: overlap allowed, EAGAIN kept [44]
        r.cpuCopyRefused = false; // shmem-less objects read through pages [52]
        r.mmapRefused = Optional.of(Errno.ENODEV); // I915_GEM_OBJECT_NO_MMAP [51]
    });

    /**
     * Today's i915 (5.13+ rework), in the check order at the head of catalogue A.3: overlap always
     * allowed [45], no workers, another mm's use EFAULT [49], pread/pwrite/export/mmap refused [51-53].
     */
    public static final UserptrRules I915 = I915_2019.with(r -> {
        r.i915Ioctl(FLAGS_NOW, Check.COHERENCY, Check.FLAGS, Check.SIZE_2BIG, Check.ZERO_SIZE, Check.ALIGNMENT,
                Check.ACCESS_OK, Check.UNSYNC_REJECTED, Check.READ_ONLY, Check.PROBE);
        r.maxPages = Long.MAX_VALUE; // only the size_t overflow is left [30]
        r.unsyncNeedsSysAdmin = false; // c6bcc0c2fdfd: UNSYNC_REJECTED for everyone instead [39]
        r.eagainWhilePinning = false; // one mmu_interval_notifier per object, no workers [45, 56]
        r.otherMmUseFails = true; // [49]
        r.cpuCopyRefused = true; // ae30af84edb5 [52]
        r.exportRefused = Optional.of(Errno.EINVAL); // ae4e55b894dd [53]
    });

    /**
     * The exynos patch under review in 2012: size 0 EINVAL, flags checked against EXYNOS_BO_MASK,
     * the size rounded up and limited to 16 MiB (EINVAL), pages pinned at creation, no MMU notifier.
     */
    public static final UserptrRules EXYNOS_2012 = NONE.with(r -> {
        r.exynosIoctl(FLAGS_EXYNOS, Check.ZERO_SIZE, Check.FLAGS, Check.SIZE_LIMIT);
        r.hasLlcOrSnoop = true;
        r.maxPages = Long.MAX_VALUE;
        r.vmTotal = Long.MAX_VALUE;
        r.exynosSizeLimit = 16L << 20; // priv->userptr_limit's default
        r.pinAtCreation = true;
        r.cpuCopyRefused = false;
        r.mmapRefused = Optional.empty();
        r.exportRefused = Optional.empty();
    });

    /** RADEON_GEM_USERPTR's flags: READONLY, ANONONLY, VALIDATE and REGISTER. */
    private static final int FLAGS_RADEON = RadeonIoctl.USERPTR_READONLY | RadeonIoctl.USERPTR_ANONONLY
            | RadeonIoctl.USERPTR_VALIDATE | RadeonIoctl.USERPTR_REGISTER;

    /**
     * radeon_gem_userptr_ioctl (drivers/gpu/drm/radeon/radeon_gem.c, alike from 5.10 to 7.2): the
     * alignment of address and size, the flags, READONLY before R600 (EINVAL) or ANONONLY and
     * REGISTER for a writable object (EACCES); then the object (radeon_gem_object_create: ENOMEM over
     * the GTT, TTM's errno for size 0), the notifier (radeon_mn_register) and VALIDATE. No access_ok:
     * any address is taken, mapped or not, user or kernel. Pages are only taken when the object is
     * placed in the GTT (radeon_ttm_tt_pin_userptr), which needs the GART. Overlaps are allowed. The
     * object has no mmap offset and no PRIME export (EPERM both, radeon_mode_dumb_mmap and
     * radeon_gem_prime_export).
     */
    public static final UserptrRules RADEON = NONE.with(r -> {
        r.ioctl(FLAGS_RADEON, FlagBits.RADEON, Check.ALIGNMENT, Check.FLAGS, Check.RADEON_ACCESS, Check.RADEON_OBJECT,
                Check.NOTIFIER_RANGE, Check.VALIDATE);
        r.hasLlcOrSnoop = true;
        r.maxPages = Long.MAX_VALUE;
        r.vmTotal = Long.MAX_VALUE;
        r.cpuCopyRefused = false; // radeon has no pread or pwrite
        r.mmapRefused = Optional.of(Errno.EPERM);
        r.exportRefused = Optional.of(Errno.EPERM);
    });

    /** These rules with {@code change} made to them; the definitions above say why each change is made. */
    public UserptrRules with(Consumer<Edit> change) {
        return new Edit(this).apply(change).build();
    }

    /**
     * The components of rules being derived, named as in the record; a new one holds {@link #NONE}'s.
     * Only {@link #with} makes one.
     */
    public static final class Edit {
        public boolean supported;
        public List<Check> checks = List.of();
        public int knownFlags;
        public FlagBits flagBits = FlagBits.I915;
        public boolean hasLlcOrSnoop;
        public long maxPages;
        public long vmTotal;
        public boolean has48BitPpgtt;
        public boolean readOnlyPtes;
        public long exynosSizeLimit;
        public boolean unsyncNeedsSysAdmin;
        public boolean overlapRefused;
        public boolean eagainWhilePinning;
        public boolean otherMmUseFails;
        public boolean pinAtCreation;
        public boolean cpuCopyRefused = true;
        public Optional<Errno> mmapRefused = Optional.of(Errno.ENODEV);
        public Optional<Errno> exportRefused = Optional.of(Errno.EINVAL);

        private Edit() {
        }

        private Edit(UserptrRules r) {
            supported = r.supported;
            checks = r.checks;
            knownFlags = r.knownFlags;
            flagBits = r.flagBits;
            hasLlcOrSnoop = r.hasLlcOrSnoop;
            maxPages = r.maxPages;
            vmTotal = r.vmTotal;
            has48BitPpgtt = r.has48BitPpgtt;
            readOnlyPtes = r.readOnlyPtes;
            exynosSizeLimit = r.exynosSizeLimit;
            unsyncNeedsSysAdmin = r.unsyncNeedsSysAdmin;
            overlapRefused = r.overlapRefused;
            eagainWhilePinning = r.eagainWhilePinning;
            otherMmUseFails = r.otherMmUseFails;
            pinAtCreation = r.pinAtCreation;
            cpuCopyRefused = r.cpuCopyRefused;
            mmapRefused = r.mmapRefused;
            exportRefused = r.exportRefused;
        }

        /** An i915 userptr ioctl that accepts the I915_USERPTR_* bits {@code flags} and runs {@code order}. */
        public void i915Ioctl(int flags, Check... order) {
            ioctl(flags, FlagBits.I915, order);
        }

        /** The exynos ioctl: {@code flags} are EXYNOS_BO_* cache attributes, checked by {@code order}. */
        public void exynosIoctl(int flags, Check... order) {
            ioctl(flags, FlagBits.EXYNOS, order);
        }

        private void ioctl(int flags, FlagBits bits, Check... order) {
            supported = true;
            knownFlags = flags;
            flagBits = bits;
            checks = List.of(order);
        }

        private Edit apply(Consumer<Edit> change) {
            change.accept(this);
            return this;
        }

        private UserptrRules build() {
            return new UserptrRules(supported, checks, knownFlags, flagBits, hasLlcOrSnoop, maxPages, vmTotal,
                    has48BitPpgtt, readOnlyPtes, exynosSizeLimit, unsyncNeedsSysAdmin, overlapRefused,
                    eagainWhilePinning, otherMmUseFails, pinAtCreation, cpuCopyRefused, mmapRefused,
                    exportRefused);
        }
    }
}
