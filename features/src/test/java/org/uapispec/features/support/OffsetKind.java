package org.uapispec.features.support;

import java.util.Optional;
import org.uapispec.api.I915Ioctl.MmapType;

/**
 * Which ioctl hands out a fake offset: the profile's usual one, MODE_MAP_DUMB, or i915's MMAP_OFFSET
 * with a named type.
 */
public enum OffsetKind {
    /** The profile's own: MODE_MAP_DUMB (generic, exynos), MMAP_GTT (i915-2014), MMAP_OFFSET WB (5.5+). */
    USUAL,
    /** DRM_IOCTL_MODE_MAP_DUMB. */
    DUMB,
    GTT,
    WC,
    WB,
    UC,
    FIXED;

    /** The MMAP_OFFSET type this kind names, if it names one. */
    public Optional<MmapType> mmapType() {
        return this == USUAL || this == DUMB ? Optional.empty() : Optional.of(MmapType.valueOf(name()));
    }
}
