package org.uapispec.device.profile;

/**
 * How a profile answers the userptr ioctl (catalogue A.3, IDs 27-58). Each era is one constant; the
 * model reads these switches and never branches on a profile's name.
 *
 * @param supported whether the driver has a userptr ioctl at all
 */
public record UserptrRules(boolean supported) {
    /** No userptr ioctl (vgem). */
    public static final UserptrRules NONE = new UserptrRules(false);
    /** i915 at Linux 3.16, the seed file. */
    public static final UserptrRules I915_2014 = new UserptrRules(true);
    /** i915 from 3.18 to 5.12. */
    public static final UserptrRules I915_2019 = new UserptrRules(true);
    /** Today's i915 (5.13+ rework). */
    public static final UserptrRules I915 = new UserptrRules(true);
    /** The exynos patch under review in 2012. */
    public static final UserptrRules EXYNOS_2012 = new UserptrRules(true);
}
