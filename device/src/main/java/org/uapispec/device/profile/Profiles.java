package org.uapispec.device.profile;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/** The profiles every backend user can name. */
public final class Profiles {
    // Catalogue IDs (shared/reference/uapi-catalogue.md) by the part of the model that follows them.
    /** A.1 handles and close, A.2 flink/open/auth (no non-GEM driver [12], no races [23], no [26]). */
    private static final Set<Integer> CORE = range(5, 25, 12, 23);
    /** i915 GEM_CREATE sizes and pread/pwrite. */
    private static final Set<Integer> I915_GEM = Set.of(1, 2, 3, 4, 109);
    /** A.3 userptr as the i915 eras answer it (no busy waits [48], caching [54], userfaultfd [55]). */
    private static final Set<Integer> USERPTR_I915 = range(27, 53, 48);
    /** The exynos patch: zero size, flags, alignment by rounding, pinning at creation. */
    private static final Set<Integer> USERPTR_EXYNOS = Set.of(28, 29, 36);
    /** A.4 for every driver: allow lists, revocation, lifetimes, bounds (no races or faults 73, 79-84). */
    private static final Set<Integer> MMAP_CORE = Set.of(64, 65, 66, 67, 68, 70, 71, 72, 74, 75, 76, 77, 78, 87);
    /** A.4 MMAP_OFFSET: flags, extensions, pad, types, per-type nodes, allow_once, zero-extend. */
    private static final Set<Integer> MMAP_I915 = Set.of(59, 60, 61, 62, 63, 69, 85, 86, 99);
    /** A.5 dma-buf and PRIME (no races [100]). */
    private static final Set<Integer> PRIME = range(88, 98);


    /** The DRM core as vgem implements it today: dumb buffers, one offset per object. */
    public static final Profile GENERIC = new Profile(ProfileName.GENERIC.text(),
            "DRM core as vgem implements it today", Driver.VGEM,
            ids(CORE, MMAP_CORE, PRIME), GemRules.MODERN, UserptrRules.NONE, MmapRules.GENERIC, List.of(
                    // "drm/vgem: use shmem helpers" (Linux 5.14). Before it, vgem_mmap and vgem_gem_fault
                    // mapped the object's pages with no is_cow_mapping check, so MAP_PRIVATE of an object
                    // was a copy-on-write mapping like i915's [72]; and vgem_prime_mmap mapped a dma-buf
                    // through the object's shmem file (call_mmap(obj->filp, vma)), which honours the
                    // offset and MAP_PRIVATE [93]. Debian's 5.10 answers so.
                    new Profile.Change(KernelEra.V6_1, "drm/vgem: use shmem helpers (5.14)",
                            p -> p.withMmap(p.mmap().with(r -> {
                                r.privateRefused = false;
                                r.dmaBufMmap = MmapRules.DmaBufMmap.SHMEM_FILE;
                            })))));

    /** i915 as in the 2014 seed file: userptr as first merged, legacy GTT mmap, Linux 3.16. */
    public static final Profile I915_2014 = new Profile(ProfileName.I915_2014.text(),
            "i915 at Linux 3.16: first userptr, legacy GTT mmap", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, PRIME, Set.of(86)), GemRules.ERA_2014, UserptrRules.I915_2014,
            MmapRules.I915_2014);

    /** i915 from the multiple-mmap-offsets series to the 2021 rework (Linux 5.5 to 5.12). */
    public static final Profile I915_2019 = new Profile(ProfileName.I915_2019.text(),
            "i915 from Linux 5.5 to 5.12: MMAP_OFFSET, per-file offsets", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME), GemRules.ERA_2019,
            UserptrRules.I915_2019, MmapRules.I915_2019);

    /** Today's mainline i915. */
    public static final Profile I915 = new Profile(ProfileName.I915.text(),
            "today's mainline i915", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME), GemRules.MODERN, UserptrRules.I915,
            MmapRules.I915);

    /** Today's i915 with the 2023 dma-buf mmap-forwarding RFC applied. */
    public static final Profile I915_MMAP_FORWARD = new Profile(ProfileName.I915_MMAP_FORWARD.text(),
            "today's i915 with the dma-buf mmap-forwarding RFC", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME), GemRules.MODERN, UserptrRules.I915,
            MmapRules.I915_MMAP_FORWARD);

    /** The exynos userptr patch under review in 2012. */
    public static final Profile EXYNOS_2012 = new Profile(ProfileName.EXYNOS_2012.text(),
            "exynos with the 2012 userptr patch", Driver.EXYNOS,
            ids(CORE, USERPTR_EXYNOS, MMAP_CORE, PRIME), GemRules.ERA_2014, UserptrRules.EXYNOS_2012,
            MmapRules.GENERIC);

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

    private static SortedSet<Integer> ids(Set<?>... groups) {
        SortedSet<Integer> ids = new TreeSet<>();
        for (Set<?> group : groups) {
            group.forEach(id -> ids.add((Integer) id));
        }
        return ids;
    }

    private static Set<Integer> range(int first, int last, Integer... except) {
        Set<Integer> ids = new TreeSet<>();
        IntStream.rangeClosed(first, last).forEach(ids::add);
        ids.removeAll(Set.of(except));
        return ids;
    }
}
