package org.uapispec.device.mmap;

import org.uapispec.api.Errno;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.MmapRules;

/** The {@code flags} of MMAP_OFFSET as i915_gem_mmap_offset_ioctl's switch reads them [59, 62]. */
final class MmapTypes {
    private MmapTypes() {
    }

    static Outcome<OffsetType> parse(long flags, MmapRules rules) {
        for (I915Ioctl.MmapType type : I915Ioctl.MmapType.values()) {
            if (type.flags() == flags) {
                return check(type, rules);
            }
        }
        return Outcome.err(Errno.EINVAL);
    }

    private static Outcome<OffsetType> check(I915Ioctl.MmapType type, MmapRules rules) {
        return switch (type) {
            case GTT -> rules.aperture() ? Outcome.ok(OffsetType.GTT) : Outcome.err(Errno.ENODEV);
            case WC, UC -> rules.pat() ? Outcome.ok(OffsetType.of(type)) : Outcome.err(Errno.ENODEV);
            case FIXED -> rules.fixedType() ? Outcome.ok(OffsetType.FIXED) : Outcome.err(Errno.EINVAL);
            case WB -> Outcome.ok(OffsetType.WB);
        };
    }
}
