package org.uapispec.device.profile;

/**
 * How a profile answers mmap offsets, mmap of device files and dma-buf/PRIME (catalogue A.4 and A.5,
 * IDs 59-100). Each era is one constant; the model reads these switches and never branches on a
 * profile's name.
 *
 * @param perFileOffsets whether only files that asked for an offset may map it (i915 5.5+) [65]
 */
public record MmapRules(boolean perFileOffsets) {
    /** The DRM core as vgem implements it today. */
    public static final MmapRules GENERIC = new MmapRules(false);
    /** i915 at 3.16: legacy GTT mmap, one offset per object. */
    public static final MmapRules I915_2014 = new MmapRules(false);
    /** i915 from 5.5 to 5.12. */
    public static final MmapRules I915_2019 = new MmapRules(true);
    /** Today's i915. */
    public static final MmapRules I915 = new MmapRules(true);
    /** Today's i915 with the dma-buf mmap-forwarding RFC. */
    public static final MmapRules I915_MMAP_FORWARD = new MmapRules(true);
}
