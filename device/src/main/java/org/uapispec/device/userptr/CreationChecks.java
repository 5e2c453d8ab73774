package org.uapispec.device.userptr;

import org.uapispec.api.Errno;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.profile.RadeonRules;
import org.uapispec.device.profile.UserptrRules;
import org.uapispec.device.profile.UserptrRules.Check;

/**
 * The argument checks of the userptr ioctl. Each check is written once; the profile's
 * {@link UserptrRules#checks()} says which run and in what order, so the same request gets each
 * driver's and era's first errno.
 */
final class CreationChecks {
    private static final long PAGE = Mman.PAGE_SIZE;

    private final UserptrRules rules;
    private final RadeonRules radeon;
    private final AddressSpace memory;

    CreationChecks(UserptrRules rules, RadeonRules radeon, AddressSpace memory) {
        this.rules = rules;
        this.radeon = radeon;
        this.memory = memory;
    }

    /** Runs the profile's checks in order; the first failure is the ioctl's answer. */
    Outcome<Void> run(UserptrRequest request) {
        for (Check check : rules.checks()) {
            Outcome<Void> result = check(check, request);
            if (!result.isOk()) {
                return result;
            }
        }
        return Outcome.ok();
    }

    /** exynos {@code roundup_gem_size}: the size rounded up to pages, in u64 arithmetic (may wrap to 0). */
    static long roundedSize(long size) {
        return (size + PAGE - 1) & -PAGE;
    }

    private Outcome<Void> check(Check check, UserptrRequest request) {
        long ptr = request.ptr();
        long size = request.size();
        int flags = request.flags();
        return switch (check) {
            // [27] !HAS_LLC && !HAS_SNOOP
            case COHERENCY -> fail(!rules.hasLlcOrSnoop(), Errno.ENODEV);
            // seed: i915_gem_context_get; the model has only the default context 0
            case CONTEXT -> fail(request.ctxId() != 0, Errno.ENOENT);
            // [28]
            case FLAGS -> fail((flags & ~rules.knownFlags()) != 0, Errno.EINVAL);
            // [30] size >> PAGE_SHIFT > INT_MAX (5.7-5.12); size_t overflow (never on 64-bit)
            case SIZE_2BIG -> fail(Long.compareUnsigned(size >>> 12, rules.maxPages()) > 0, Errno.E2BIG);
            // [29]; exynos: "invalid size"
            case ZERO_SIZE -> fail(size == 0, Errno.EINVAL);
            // [31, 32] offset_in_page(ptr | size)
            case ALIGNMENT -> fail(((ptr | size) & (PAGE - 1)) != 0, Errno.EINVAL);
            // [33]
            case ACCESS_OK -> fail(!AddressSpace.accessOk(ptr, size), Errno.EFAULT);
            // [39] c6bcc0c2fdfd
            case UNSYNC_REJECTED -> fail(has(flags, I915Ioctl.USERPTR_UNSYNCHRONIZED), Errno.ENODEV);
            // [40] seed: "just a placeholder in the uAPI"; [41] vm->has_read_only
            case READ_ONLY -> fail(has(flags, I915Ioctl.USERPTR_READ_ONLY) && !rules.readOnlyPtes(), Errno.ENODEV);
            // [30] seed: args->user_size > vm->total
            case VM_TOTAL -> fail(Long.compareUnsigned(size, rules.vmTotal()) > 0, Errno.E2BIG);
            // seed: !HAS_48B_PPGTT(dev)
            case GPU_MIRROR -> fail(has(flags, I915Ioctl.USERPTR_GPU_MIRROR) && !rules.has48BitPpgtt(), Errno.ENODEV);
            // [36] probe_range
            case PROBE -> has(flags, I915Ioctl.USERPTR_PROBE)
                    ? PagePinner.probe(memory, new UserptrRange(ptr, size)) : Outcome.ok();
            // exynos: "excessed maximum size of userptr"; a wrap to 0 reaches sg_alloc_table(0 entries),
            // refused (I)
            case SIZE_LIMIT -> fail(roundedSize(size) == 0
                    || Long.compareUnsigned(roundedSize(size), rules.exynosSizeLimit()) > 0, Errno.EINVAL);
            // radeon_gem_userptr_ioctl: "readonly pages not tested on older hardware"; "if we want to
            // write to it we must require anonymous memory and install a MMU notifier"
            case RADEON_ACCESS -> has(flags, RadeonIoctl.USERPTR_READONLY)
                    ? fail(radeon.beforeR600(), Errno.EINVAL)
                    : fail(!has(flags, RadeonIoctl.USERPTR_ANONONLY) || !has(flags, RadeonIoctl.USERPTR_REGISTER),
                            Errno.EACCES);
            // radeon_gem_object_create's max_size (the GTT less what is pinned there: nothing here);
            // radeon_bo_create of no pages
            case RADEON_OBJECT -> Long.compareUnsigned(size, radeon.gttSize()) > 0 ? Outcome.err(Errno.ENOMEM)
                    : fail(size == 0, radeon.emptyObject());
            // radeon_mn_register: mmu_interval_notifier_insert's check_add_overflow(start, length - 1)
            case NOTIFIER_RANGE -> fail(has(flags, RadeonIoctl.USERPTR_REGISTER)
                    && Long.compareUnsigned(ptr + size - 1, ptr) < 0, Errno.EOVERFLOW);
            // ttm_bo_validate into the GTT: radeon_ttm_backend_bind, radeon_gart_bind
            case VALIDATE -> fail(has(flags, RadeonIoctl.USERPTR_VALIDATE) && !radeon.gartReady(), Errno.EINVAL);
        };
    }

    private static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    private static Outcome<Void> fail(boolean failed, Errno errno) {
        return failed ? Outcome.err(errno) : Outcome.ok();
    }
}
