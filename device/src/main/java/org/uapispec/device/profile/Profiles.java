package org.uapispec.device.profile;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/** The profiles every backend user can name. */
public final class Profiles {
    // Catalogue IDs (the catalogue module's catalogue.json) by the part of the model that follows them.
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
    /** A.3's userptr behaviours radeon shares: alignment [31, 32], unknown flags [28]. */
    private static final Set<Integer> RADEON_USERPTR = Set.of(28, 31, 32);
    /** A.6 udmabuf, on kernels that have it ({@link SystemRules#udmabuf}). */
    private static final Set<Integer> UDMABUF = range(101, 108);


    /** i915's DRIVER_SYNCOBJ (4.14). */
    private static final Consumer<GemRules.Edit> I915_SYNCOBJ = r -> r.syncobj = GemRules.Syncobj.BINARY;

    private static final String IMPORT_NO_MAP = "drm/shmem-helper: Import dmabuf without mapping its sg_table";
    private static final Consumer<MmapRules.Edit> MAPS_AT_IMPORT = r -> r.importMapsAttachment = true;
    /** f91142c62161, 5.14; not in Debian's 5.10. */
    private static final String TTM_NO_COW = "drm/ttm: nuke VM_MIXEDMAP on BO mappings v3 (5.14)";

    /**
     * The kernel around the QEMU guest's drivers before 6.12: Debian's 5.10 and 6.1 build neither
     * udmabuf nor the system heap (CONFIG_UDMABUF and CONFIG_DMABUF_HEAPS_SYSTEM not set in their
     * configs; measured: no /dev/udmabuf, no /dev/dma_heap), and their memfds predate MFD_EXEC
     * (6.3). They do carry the stable backport that lets a write-sealed memfd be mapped shared and
     * read-only (read in their mm/mmap.c and mm/shmem.c).
     */
    private static final Profile.Change DEBIAN_BEFORE_6_12 = new Profile.Change(KernelEra.V6_12,
            "Debian's CONFIG_UDMABUF and CONFIG_DMABUF_HEAPS_SYSTEM (6.12); mm/memfd: add MFD_NOEXEC_SEAL"
                    + " and MFD_EXEC (6.3)",
            p -> p.withSystem(SystemRules.NONE.with(r -> r.sealedReadOnlyShared = true)));

    /** i915 from 5.5 to 5.12: udmabuf (4.20) and the system heap (5.6), memfds before 6.3. */
    private static final SystemRules SYSTEM_2019 = SystemRules.MODERN.with(r -> {
        r.memfdExec = false;
        r.sealedReadOnlyShared = false;
        r.udmabufDeniesFutureWrite = false;
    });

    /** The DRM core as vgem implements it today: dumb buffers, one offset per object. */
    public static final Profile GENERIC = new Profile(ProfileName.GENERIC.text(),
            "DRM core as vgem implements it today", Driver.VGEM,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF), GemRules.MODERN, UserptrRules.NONE, MmapRules.GENERIC, SystemRules.MODERN, debian(
                    // DRM_GEM_SHMEM_DRIVER_OPS imports with drm_gem_shmem_prime_import_no_map (after
                    // 6.13): before, drm_gem_prime_import_dev mapped the attachment at import, which
                    // fails with the exporter's ENOSYS when its objects have no get_sg_table
                    new Profile.Change(KernelEra.V7_2, IMPORT_NO_MAP, p -> p.withMmap(p.mmap().with(MAPS_AT_IMPORT))),
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

    /**
     * The memory of the QEMU guest the kernel backend boots (linux/Vm: -m 256M), from which
     * virtio-gpu pins an object's pages when it creates the host resource.
     */
    private static final long GUEST_MEMORY = 256L << 20;
    /** QEMU's qxl surface memory (vram_size, 64 MiB by default), where qxl places dumb buffers. */
    private static final long QXL_VRAM = 64L << 20;
    /** QEMU's qxl ROM n_surfaces (the num_surfaces property, 1024 by default). */
    private static final long QXL_SURFACES = 1024;

    /**
     * virtio-gpu without virgl, shmem helpers since 5.2 (drivers/gpu/drm/virtio): dumb buffers of
     * 32 bpp only (virtio_gpu_mode_dumb_create), pages pinned at creation from the guest's memory
     * (virtio_gpu_object_create), and no import of another device's dma-buf
     * (virtgpu_gem_prime_import_sg_table) without virgl's blob resources.
     */
    public static final Profile VIRTIO_GPU = new Profile(ProfileName.VIRTIO_GPU.text(),
            "virtio-gpu without virgl: shmem objects, 2D host resources", Driver.VIRTIO_GPU,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF),
            GemRules.MODERN.with(r -> {
                r.syncobj = GemRules.Syncobj.TIMELINE;
                r.dumbDepths = Set.of(32);
                r.dumbLimit = GUEST_MEMORY;
                r.dumbTooBig = Errno.ENOMEM;
            }),
            UserptrRules.NONE,
            MmapRules.GENERIC.with(r -> {
                r.foreignImport = Optional.of(Errno.ENODEV); // virtgpu_gem_prime_import_sg_table
                r.importMapsAttachment = true; // virtgpu_gem_prime_import: drm_gem_prime_import
            }), SystemRules.MODERN, debian(
                    // VIRTGPU_PARAM_BLOB_ALIGNMENT came after 6.12
                    new Profile.Change(KernelEra.V7_2, "drm/virtio: add VIRTGPU_PARAM_BLOB_ALIGNMENT (after 6.12)",
                            p -> p.withGem(p.gem().with(r -> r.virtioGpu = r.virtioGpu.withLastParam(8)))),
                    // virtgpu_drv.c: DRIVER_SYNCOBJ | DRIVER_SYNCOBJ_TIMELINE with the sync-object
                    // support of virtgpu_submit.c; 6.4 and before have neither (GET_CAP answers 0);
                    // and VIRTGPU_PARAM_EXPLICIT_DEBUG_NAME (6.7) is unknown to 6.1 (EINVAL)
                    new Profile.Change(KernelEra.V6_12, "drm/virtio: Support sync objects (6.5 or 6.6);"
                            + " drm/virtio: add VIRTGPU_PARAM_EXPLICIT_DEBUG_NAME",
                            p -> p.withGem(p.gem().with(r -> {
                                r.syncobj = GemRules.Syncobj.NONE;
                                r.virtioGpu = r.virtioGpu.withLastParam(7);
                            }))),
                    // 5.10's virtio_gpu_object_shmem_init turns the failed pin of an oversized object
                    // into EINVAL; and its DRM device is the virtio device (virtio_gpu_probe), which has
                    // no DMA ops, so mapping a foreign dma-buf fails in dma_map_sgtable with EINVAL
                    // before virtgpu_gem_prime_import_sg_table's ENODEV. 6.1 passes ENOMEM on and
                    // registers the PCI parent ("drm/virtio: Improve DMA API usage for shmem BOs")
                    // 5.10 has neither blob resources (5.11) nor context init (5.16): nine ioctls,
                    // GETPARAM 1 and 2 only
                    new Profile.Change(KernelEra.V6_1, "virtio_gpu_object_shmem_init, virtio_gpu_probe (5.10);"
                            + " drm/virtio: implement blob resources (5.11), context init (5.16)",
                            p -> p.withGem(p.gem().with(r -> {
                                r.dumbTooBig = Errno.EINVAL;
                                r.virtioGpu = r.virtioGpu.withIoctls(9).withLastParam(2);
                            }))
                                    .withMmap(p.mmap().with(r -> r.foreignImport = Optional.of(Errno.EINVAL))))));

    /**
     * bochs, QEMU's standard VGA (drivers/gpu/drm/tiny/bochs.c): display-only, no render node. On 7.2
     * it uses the shmem helpers (drm_gem_shmem_helper.c) and answers as vgem does; before, the VRAM
     * helpers (drm_gem_vram_helper.c) over TTM.
     */
    public static final Profile BOCHS = new Profile(ProfileName.BOCHS.text(),
            "bochs (QEMU stdvga): VRAM helpers, shmem helpers on 7.2", Driver.BOCHS,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF), GemRules.MODERN, UserptrRules.NONE, MmapRules.GENERIC, SystemRules.MODERN, debian(
                    // drm_gem_vram_helper.c over TTM: ttm_bo_vm_fault_reserved maps vmf->pgoff less
                    // the node's start; ttm_bo_mmap_obj keeps a TTM reference, not a GEM one; the
                    // objects have no get_sg_table (drm_gem_map_dma_buf: ENOSYS) and the driver no
                    // gem_prime_import_sg_table (drm_gem_prime_import_dev: EINVAL)
                    new Profile.Change(KernelEra.V7_2, "drm/bochs: use GEM shmem helpers (6.13)",
                            p -> p.withMmap(p.mmap().with(r -> {
                                r.faultsFromStart = false;
                                r.mappingHoldsObject = false;
                                r.exportsSgTable = false;
                                r.foreignImport = Optional.of(Errno.EINVAL);
                                r.importMapsAttachment = true;
                            }))),
                    // Before the core's default prime_handle_to_fd and prime_fd_to_handle (6.6), a
                    // driver without them (DRM_GEM_VRAM_DRIVER sets neither) answered both ioctls
                    // ENOSYS in drm_prime_handle_to_fd_ioctl and drm_prime_fd_to_handle_ioctl, and
                    // drm_getcap PRIME 0
                    new Profile.Change(KernelEra.V6_12, "drm: Enable PRIME import/export for all drivers (6.6)",
                            p -> p.withMmap(p.mmap().with(r -> r.primeIoctls = false))),
                    // ttm_bo_mmap_obj's is_cow_mapping check: 5.10 maps MAP_PRIVATE as copy-on-write
                    new Profile.Change(KernelEra.V6_1, TTM_NO_COW,
                            p -> p.withMmap(p.mmap().with(r -> r.privateRefused = false)))));

    /**
     * qxl, QEMU's paravirtual display (drivers/gpu/drm/qxl): TTM objects in the device's surface
     * memory, dumb buffers of 16 or 32 bpp (qxl_mode_dumb_create), no render node, a TTM node of
     * its own below the users' (the bo it creates at probe), and no import of another device's
     * dma-buf (qxl_gem_prime_import_sg_table: ENOSYS). On 5.10 qxl does not clear the VRAM a new
     * object gets, which the model does not follow: specs that read new objects leave qxl at 5.10 out.
     */
    public static final Profile QXL = new Profile(ProfileName.QXL.text(),
            "qxl: TTM objects in the device's memory", Driver.QXL,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF),
            GemRules.MODERN.with(r -> {
                r.dumbDepths = Set.of(16, 32);
                r.dumbLimit = QXL_VRAM;
                r.dumbTooBig = Errno.ENOMEM;
                r.qxlSurfaces = QXL_SURFACES;
            }),
            UserptrRules.NONE,
            MmapRules.GENERIC.with(r -> {
                r.faultsFromStart = false; // ttm_bo_vm_fault_reserved honours the offset
                // a one-page bo qxl makes for itself at probe (the monitors config of
                // qxl_create_monitors_object, or a release bo of qxl_release_bo_alloc; which one is
                // not confirmed): a TTM device bo, so it has a node (ttm_bo_init_reserved:
                // drm_vma_offset_add) just below the first user object's (measured EACCES there)
                r.kernelObjectPages = 1;
                r.foreignImport = Optional.of(Errno.ENOSYS); // qxl_gem_prime_import_sg_table
                r.exportsSgTable = false; // qxl_gem_prime_get_sg_table: ENOSYS
                r.importMapsAttachment = true; // the core's drm_gem_prime_import
            }), SystemRules.MODERN, debian(
                    // ttm_bo_mmap_obj and ttm_bo_vm_open/close take GEM references on bo->base since
                    // the TTM-to-GEM refcounting work (after 6.14); before, only a TTM one
                    new Profile.Change(KernelEra.V7_2, "drm/ttm: GEM reference counting for mappings",
                            p -> p.withMmap(p.mmap().with(r -> r.mappingHoldsObject = false))),
                    // drm_gem_dmabuf_mmap answered ENOSYS without gem_prime_mmap (qxl_gem_prime_mmap
                    // itself returned ENOSYS) until it always called drm_gem_prime_mmap
                    new Profile.Change(KernelEra.V6_12, "drm: Remove struct drm_driver.gem_prime_mmap (6.6)",
                            p -> p.withMmap(p.mmap().with(r -> r.dmaBufMmap = MmapRules.DmaBufMmap.NOT_IMPLEMENTED))),
                    new Profile.Change(KernelEra.V6_1, TTM_NO_COW,
                            p -> p.withMmap(p.mmap().with(r -> r.privateRefused = false)))));

    /**
     * cirrus, QEMU's Cirrus Logic card (drivers/gpu/drm/tiny/cirrus.c): shmem helpers in every era,
     * display-only; Debian's 7.2 builds it as cirrus-qemu.
     */
    public static final Profile CIRRUS = new Profile(ProfileName.CIRRUS.text(),
            "cirrus: shmem objects", Driver.CIRRUS_QEMU,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF), GemRules.MODERN, UserptrRules.NONE, MmapRules.GENERIC, SystemRules.MODERN, debian(
                    // drivers/gpu/drm/tiny/cirrus-qemu.c (between 6.14 and 6.18); and the shmem
                    // helpers' import without mapping, as for vgem
                    new Profile.Change(KernelEra.V7_2, "drm/cirrus renamed cirrus-qemu; " + IMPORT_NO_MAP,
                            p -> p.withDriver(Driver.CIRRUS).withMmap(p.mmap().with(MAPS_AT_IMPORT))),
                    // 5.10's drm_gem_shmem_dumb_create reports pitch * height; the object is page-sized
                    new Profile.Change(KernelEra.V6_1, "drm_gem_shmem_dumb_create: size PAGE_ALIGN'ed",
                            p -> p.withGem(p.gem().with(r -> r.dumbSizeRounded = false)))));

    /**
     * radeon on QEMU's ati-vga as an RV100 (drivers/gpu/drm/radeon), without its CP microcode:
     * acceleration off and no GART, so nothing can be placed in the GTT. TTM objects in VRAM or
     * system memory; dumb buffers in VRAM with radeon_align_pitch's rows, every failure of
     * radeon_mode_dumb_create ENOMEM; a render node; and a userptr ioctl ({@link UserptrRules#RADEON}).
     * Imports and exports that need the GTT (a foreign dma-buf's import, an export another device
     * attaches) fail in radeon_gart_bind with a kernel WARN, which the specs leave out.
     */
    public static final Profile RADEON = new Profile(ProfileName.RADEON.text(),
            "radeon on an RV100 without acceleration: TTM objects, userptr", Driver.RADEON,
            ids(CORE, MMAP_CORE, PRIME, UDMABUF, RADEON_USERPTR),
            GemRules.MODERN.with(r -> {
                r.dumbPitch = GemRules.DumbPitch.RADEON_R100;
                r.dumbLimit = RadeonRules.RV100.vramVisible(); // larger ones go to the GTT, which fails
                r.dumbTooBig = Errno.ENOMEM; // radeon_mode_dumb_create: "if (r) return -ENOMEM"
            }),
            UserptrRules.RADEON,
            MmapRules.GENERIC.with(r -> {
                r.faultsFromStart = false; // ttm_bo_vm_fault_reserved honours the offset
                r.foreignImport = Optional.of(Errno.EINVAL); // radeon_gem_prime_import_sg_table: the GTT
                r.importMapsAttachment = true; // the core's drm_gem_prime_import
            }), SystemRules.MODERN, debian(
                    // radeon_drv.c: "2.51.0 - Add evergreen/cayman OpenGL 4.6 compatibility"
                    new Profile.Change(KernelEra.V7_2, "drm/radeon: KMS_DRIVER_MINOR 51",
                            p -> p.withGem(p.gem().with(r -> r.radeon = r.radeon.withKmsMinor(50)))),
                    // ttm_bo_init_reserved refused an empty bo ("Illegal buffer object size") until
                    // the TTM rework after 5.10; since, the range manager finds no room for it
                    // and 5.10's radeon had no gem_prime_mmap: drm_gem_dmabuf_mmap answered ENOSYS
                    // ("drm/radeon: Implement mmap as GEM object function", 5.11); its radeon_mmap
                    // went through ttm_bo_mmap, whose ttm_bo_vm_lookup finds the node that holds
                    // the range (drm_vma_offset_lookup_locked): an mmap may start inside an object
                    new Profile.Change(KernelEra.V6_1, "ttm_bo_init_reserved: no num_pages == 0 check; " + TTM_NO_COW
                            + "; drm/radeon: Implement mmap as GEM object function (5.11)",
                            p -> p.withGem(p.gem().with(r -> r.radeon = r.radeon.withEmptyObject(Errno.EINVAL)))
                                    .withMmap(p.mmap().with(r -> {
                                        r.privateRefused = false;
                                        r.dmaBufMmap = MmapRules.DmaBufMmap.NOT_IMPLEMENTED;
                                        r.innerLookup = true;
                                    })))));

    /** i915 as in the 2014 seed file: userptr as first merged, legacy GTT mmap, Linux 3.16. */
    public static final Profile I915_2014 = new Profile(ProfileName.I915_2014.text(),
            "i915 at Linux 3.16: first userptr, legacy GTT mmap", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, PRIME, Set.of(86)), GemRules.ERA_2014, UserptrRules.I915_2014,
            MmapRules.I915_2014, SystemRules.NONE);

    /** i915 from the multiple-mmap-offsets series to the 2021 rework (Linux 5.5 to 5.12). */
    public static final Profile I915_2019 = new Profile(ProfileName.I915_2019.text(),
            "i915 from Linux 5.5 to 5.12: MMAP_OFFSET, per-file offsets", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME, UDMABUF), GemRules.ERA_2019.with(I915_SYNCOBJ),
            UserptrRules.I915_2019, MmapRules.I915_2019, SYSTEM_2019);

    /** Today's mainline i915. */
    public static final Profile I915 = new Profile(ProfileName.I915.text(),
            "today's mainline i915", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME, UDMABUF), GemRules.MODERN.with(I915_SYNCOBJ),
            UserptrRules.I915,
            MmapRules.I915, SystemRules.MODERN);

    /** Today's i915 with the 2023 dma-buf mmap-forwarding RFC applied. */
    public static final Profile I915_MMAP_FORWARD = new Profile(ProfileName.I915_MMAP_FORWARD.text(),
            "today's i915 with the dma-buf mmap-forwarding RFC", Driver.I915,
            ids(CORE, I915_GEM, USERPTR_I915, MMAP_CORE, MMAP_I915, PRIME, UDMABUF), GemRules.MODERN.with(I915_SYNCOBJ),
            UserptrRules.I915,
            MmapRules.I915_MMAP_FORWARD, SystemRules.MODERN);

    /** The exynos userptr patch under review in 2012. */
    public static final Profile EXYNOS_2012 = new Profile(ProfileName.EXYNOS_2012.text(),
            "exynos with the 2012 userptr patch", Driver.EXYNOS,
            ids(CORE, USERPTR_EXYNOS, MMAP_CORE, PRIME), GemRules.ERA_2014, UserptrRules.EXYNOS_2012,
            MmapRules.GENERIC, SystemRules.NONE);

    private static final List<Profile> ALL =
            List.of(GENERIC, VIRTIO_GPU, BOCHS, QXL, CIRRUS, RADEON, I915_2014, I915_2019, I915, I915_MMAP_FORWARD, EXYNOS_2012);

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

    /** A QEMU guest driver's own changes, and those of the Debian kernel around it. */
    private static List<Profile.Change> debian(Profile.Change... own) {
        List<Profile.Change> changes = new java.util.ArrayList<>(List.of(own));
        changes.add(DEBIAN_BEFORE_6_12);
        return changes;
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
