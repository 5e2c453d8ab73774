package org.uapispec.device.profile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** The profiles every backend user can name. */
public final class Profiles {

    /** The DRM core as vgem implements it today: dumb buffers, one offset per object. */
    public static final Profile GENERIC = new Profile("generic",
            "DRM core as vgem implements it today", Driver.VGEM,
            core(), GemRules.MODERN, UserptrRules.NONE, MmapRules.GENERIC);

    /** i915 as in the 2014 seed file: userptr as first merged, legacy GTT mmap, Linux 3.16. */
    public static final Profile I915_2014 = new Profile("i915-2014",
            "i915 at Linux 3.16: first userptr, legacy GTT mmap", Driver.I915,
            i915(), GemRules.ERA_2014, UserptrRules.I915_2014, MmapRules.I915_2014);

    /** i915 from the multiple-mmap-offsets series to the 2021 rework (Linux 5.5 to 5.12). */
    public static final Profile I915_2019 = new Profile("i915-2019",
            "i915 from Linux 5.5 to 5.12: MMAP_OFFSET, per-file offsets", Driver.I915,
            i915(), GemRules.ERA_2019, UserptrRules.I915_2019, MmapRules.I915_2019);

    /** Today's mainline i915. */
    public static final Profile I915 = new Profile("i915",
            "today's mainline i915", Driver.I915,
            i915(), GemRules.MODERN, UserptrRules.I915, MmapRules.I915);

    /** Today's i915 with the 2023 dma-buf mmap-forwarding RFC applied. */
    public static final Profile I915_MMAP_FORWARD = new Profile("i915-mmap-forward",
            "today's i915 with the dma-buf mmap-forwarding RFC", Driver.I915,
            i915(), GemRules.MODERN, UserptrRules.I915, MmapRules.I915_MMAP_FORWARD);

    /** The exynos userptr patch under review in 2012. */
    public static final Profile EXYNOS_2012 = new Profile("exynos-2012",
            "exynos with the 2012 userptr patch", Driver.EXYNOS,
            core(), GemRules.ERA_2014, UserptrRules.EXYNOS_2012, MmapRules.GENERIC);

    private static final List<Profile> ALL =
            List.of(GENERIC, I915_2014, I915_2019, I915, I915_MMAP_FORWARD, EXYNOS_2012);

    private Profiles() {
    }

    /** Every profile, in a stable order. */
    public static List<Profile> all() {
        return ALL;
    }

    /** The profile called {@code name}, if there is one. */
    public static Optional<Profile> byName(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The names of every profile. */
    public static List<String> names() {
        return ALL.stream().map(Profile::name).toList();
    }

    private static SortedSet<Integer> core() {
        // A.1 handles and close, A.2 flink/open/auth, pread/pwrite bounds.
        SortedSet<Integer> ids = new TreeSet<>();
        IntStream.rangeClosed(5, 25).forEach(ids::add);
        ids.removeAll(Set.of(12, 23));
        return ids;
    }

    private static SortedSet<Integer> i915() {
        SortedSet<Integer> ids = core();
        ids.addAll(Set.of(1, 2, 3, 4, 109));
        return ids;
    }
}
