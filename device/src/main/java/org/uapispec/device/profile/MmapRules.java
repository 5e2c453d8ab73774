package org.uapispec.device.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.uapispec.api.Errno;

/**
 * How a profile answers mmap offsets, mmap of device files and dma-buf/PRIME (catalogue A.4 and A.5,
 * IDs 59-100). Each era is one constant, derived from an earlier one by {@link #with}, whose changes
 * name the components that differ and cite why; the model reads these switches and never branches on a profile's name. The device settings ({@code aperture},
 * {@code pat}, {@code localMemory}) describe the machine the driver runs on; a test can build other
 * machines with {@link #withMemory}.
 *
 * @param source         where offsets come from and how many nodes an object has [63]
 * @param perFileOffsets whether only files that asked for an offset may map it (i915 5.5+); otherwise
 *                       every file holding a handle may (drm_gem_handle_create_tail allows) [65]
 * @param allowOnce      whether asking again leaves one allow entry (drm_vma_node_allow_once, Jan
 *                       2023) rather than one reference per ask that a close drops only once [69]
 * @param innerLookup    whether an mmap at an offset inside a node is accepted (i915, Aug 2024) or
 *                       the exact node start is required (drm_gem_mmap) [76]
 * @param privateRefused whether a MAP_PRIVATE mapping of an object is EINVAL (drm_gem_shmem_mmap's
 *                       is_cow_mapping check); this also applies to dma-bufs the driver exports [93]
 * @param aperture       whether the device has a mappable GGTT aperture (GTT type) [62]
 * @param pat            whether the CPU has PAT (WC and UC types) [62]
 * @param localMemory    whether objects live in device-local memory (only the FIXED type) [62]
 * @param fixedType      whether MMAP_OFFSET knows I915_MMAP_OFFSET_FIXED (Linux 5.16+) [59, 62]
 * @param primeRdwr      whether the dma-buf CPU-access set of Linux 4.6 exists: DRM_RDWR accepted by
 *                       PRIME export, DMA_BUF_IOCTL_SYNC answered [88, 94, 98]
 * @param dmaBufMmap     how a dma-buf this driver exported answers mmap(2) [93, 95]
 * @param forwardImports whether MMAP_OFFSET WB/WC/UC of an imported object is forwarded to the dma-buf
 *                       (the 2023 RFC, seed 003) instead of ENODEV [99]
 * @param validatedMmap  whether the kernel's mmap(2) is Linux 4.17's or later: MAP_SHARED_VALIDATE
 *                       (4.15) refuses flags the file lacks with EOPNOTSUPP, MAP_FIXED_NOREPLACE (4.17)
 *                       is known, and file_mmap_ok (4.17) answers EOVERFLOW for a mapping that ends
 *                       past the file's size limit before the file's mmap is asked; before, type 3 is
 *                       EINVAL, 0x100000 an unknown flag, and the file sees every offset. The machine's
 *                       kernel is device 0's, so device 0's profile decides it.
 * @param faultsFromStart whether the fault handler of an object's mapping counts the page from the
 *                       mapping's start and ignores its offset (vgem_gem_fault before 5.14, then
 *                       drm_gem_shmem_fault: "we don't use vmf->pgoff since that has the fake
 *                       offset"), so that the later part of a split mapping, and a dma-buf mapped at
 *                       an offset through the object, map from the object's first page [77, 93]
 * @param mappingHoldsObject whether a CPU mapping holds the GEM object (drm_gem_vm_open), not only
 *                       the buffer below it: TTM's mmap before 7.2 (ttm_bo_mmap_obj, ttm_bo_vm_open)
 *                       took a TTM reference and dropped the GEM one, so after the last handle a
 *                       mapped object's node is still there but drm_gem_mmap finds its GEM refcount
 *                       at zero and answers EINVAL rather than EACCES [70]
 * @param kernelObjectPages the pages of the offset node of the object the driver creates for itself at
 *                       probe, below every user object's (qxl: TTM gives every bo a node); no file may
 *                       map it (EACCES) [64]; 0 when the driver creates none
 * @param primeIoctls    whether PRIME_HANDLE_TO_FD and FD_TO_HANDLE reach the driver: without its
 *                       prime callbacks (before the 6.6 core defaults) both are ENOSYS before any
 *                       check, and GET_CAP PRIME is 0 [88-91]
 * @param foreignImport  the errno the driver's gem_prime_import answers for a dma-buf another device
 *                       exported; empty when it imports one [91]
 * @param exportsSgTable whether another device can map the dma-bufs this driver exports: without the
 *                       object's get_sg_table, drm_gem_map_dma_buf fails and the importer's
 *                       FD_TO_HANDLE is ENOSYS when the importer maps at import [91]
 * @param importMapsAttachment whether the driver maps a foreign dma-buf when it imports it
 *                       (drm_gem_prime_import_dev's dma_buf_map_attachment) rather than only
 *                       attaching (i915; the shmem helpers' drm_gem_shmem_prime_import_no_map) [91]
 */
public record MmapRules(OffsetSource source, boolean perFileOffsets, boolean allowOnce, boolean innerLookup,
        boolean privateRefused, boolean aperture, boolean pat, boolean localMemory, boolean fixedType,
        boolean primeRdwr, DmaBufMmap dmaBufMmap, boolean forwardImports, boolean validatedMmap,
        boolean faultsFromStart, boolean mappingHoldsObject, long kernelObjectPages, boolean primeIoctls,
        Optional<Errno> foreignImport, boolean exportsSgTable, boolean importMapsAttachment) {

    /** Which ioctl hands out offsets, and how many fake-offset nodes an object has. */
    public enum OffsetSource {
        /** MODE_MAP_DUMB through drm_gem_dumb_map_offset: one node per object (obj->vma_node). */
        CORE_DUMB,
        /**
         * I915_GEM_MMAP_GTT, also behind MODE_MAP_DUMB: one node per object. MMAP_OFFSET shares the
         * ioctl number and is answered as MMAP_GTT with its extra fields ignored (I).
         */
        LEGACY_GTT,
        /** I915_GEM_MMAP_OFFSET with its types: one node per (object, type) [63]. */
        MMAP_OFFSET
    }

    /** How the exporting driver maps its dma-bufs. */
    public enum DmaBufMmap {
        /** No CPU mapping of dma-bufs: i915 before 4.6 answered EINVAL (I). */
        REFUSED,
        /** drm_gem_prime_mmap into the GEM object's own mmap (vgem, shmem helpers): a PFN map. */
        GEM_OBJECT,
        /** i915_gem_dmabuf_mmap: the object's shmem file, ENODEV without one [95]. */
        SHMEM_FILE,
        /**
         * drm_gem_dmabuf_mmap without the driver's gem_prime_mmap (qxl before 6.12's GEM-object mmap):
         * ENOSYS for every mapping, private or shared [93].
         */
        NOT_IMPLEMENTED
    }

    public MmapRules {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dmaBufMmap, "dmaBufMmap");
        Objects.requireNonNull(foreignImport, "foreignImport");
    }

    /**
     * i915 at 3.16: legacy GTT mmap, one offset per object that every handle holder may map, exact
     * lookup, MAP_PRIVATE allowed, on a machine with an aperture and PAT; no DRM_RDWR, no dma-buf mmap,
     * the mmap(2) of before 4.15.
     */
    public static final MmapRules I915_2014 = new Edit().build();

    /**
     * i915 from 5.5 to 5.12 (the multiple-mmap-offsets series): MMAP_OFFSET, per-file allow with a
     * reference per ask, exact lookup; the 4.6 dma-buf CPU-access set and 4.17's mmap(2).
     */
    public static final MmapRules I915_2019 = I915_2014.with(r -> {
        r.source = OffsetSource.MMAP_OFFSET; // [63]
        r.perFileOffsets = true; // [65]
        r.primeRdwr = true; // Linux 4.6 [88, 94, 98]
        r.dmaBufMmap = DmaBufMmap.SHMEM_FILE; // i915_gem_dmabuf_mmap [95]
        r.validatedMmap = true; // Linux 4.15 and 4.17
    });

    /** Today's i915 on an integrated part with an aperture: allow_once, inner lookup, FIXED known. */
    public static final MmapRules I915 = I915_2019.with(r -> {
        r.allowOnce = true; // drm_vma_node_allow_once, Jan 2023 [69]
        r.innerLookup = true; // Aug 2024 [76]
        r.fixedType = true; // Linux 5.16 [59, 62]
    });

    /** Today's i915 with the dma-buf mmap-forwarding RFC (seed 003) [99]. */
    public static final MmapRules I915_MMAP_FORWARD = I915.with(r -> r.forwardImports = true);

    /**
     * The DRM core as vgem implements it today (shmem helpers, 4.6+ dma-buf): dumb-buffer offsets,
     * one per object, MAP_PRIVATE refused, no aperture or PAT, dma-bufs mapped through the object.
     */
    public static final MmapRules GENERIC = I915_2014.with(r -> {
        r.source = OffsetSource.CORE_DUMB;
        r.privateRefused = true; // drm_gem_shmem_mmap's is_cow_mapping [93]
        r.aperture = false; // no GGTT [62]
        r.pat = false; // vgem maps write-back only [62]
        r.primeRdwr = true; // [88, 94, 98]
        r.dmaBufMmap = DmaBufMmap.GEM_OBJECT; // drm_gem_prime_mmap [93]
        r.validatedMmap = true;
        r.faultsFromStart = true; // drm_gem_shmem_fault: (vmf->address - vma->vm_start) >> PAGE_SHIFT [77, 93]
    });

    /** These rules on another machine: with or without aperture, PAT and local memory [62]. */
    public MmapRules withMemory(boolean hasAperture, boolean hasPat, boolean hasLocalMemory) {
        return with(r -> {
            r.aperture = hasAperture;
            r.pat = hasPat;
            r.localMemory = hasLocalMemory;
        });
    }

    /** These rules with {@code change} made to them; the definitions above say why each change is made. */
    public MmapRules with(Consumer<Edit> change) {
        return new Edit(this).apply(change).build();
    }

    /**
     * The components of rules being derived, named as in the record; a new one holds
     * {@link #I915_2014}'s. Only {@link #with} makes one.
     */
    public static final class Edit {
        public OffsetSource source = OffsetSource.LEGACY_GTT;
        public boolean perFileOffsets;
        public boolean allowOnce;
        public boolean innerLookup;
        public boolean privateRefused;
        public boolean aperture = true;
        public boolean pat = true;
        public boolean localMemory;
        public boolean fixedType;
        public boolean primeRdwr;
        public DmaBufMmap dmaBufMmap = DmaBufMmap.REFUSED;
        public boolean forwardImports;
        public boolean validatedMmap;
        public boolean faultsFromStart;
        public boolean mappingHoldsObject = true;
        public long kernelObjectPages;
        public boolean primeIoctls = true;
        public Optional<Errno> foreignImport = Optional.empty();
        public boolean exportsSgTable = true;
        public boolean importMapsAttachment;

        private Edit() {
        }

        private Edit(MmapRules r) {
            source = r.source;
            perFileOffsets = r.perFileOffsets;
            allowOnce = r.allowOnce;
            innerLookup = r.innerLookup;
            privateRefused = r.privateRefused;
            aperture = r.aperture;
            pat = r.pat;
            localMemory = r.localMemory;
            fixedType = r.fixedType;
            primeRdwr = r.primeRdwr;
            dmaBufMmap = r.dmaBufMmap;
            forwardImports = r.forwardImports;
            validatedMmap = r.validatedMmap;
            faultsFromStart = r.faultsFromStart;
            mappingHoldsObject = r.mappingHoldsObject;
            kernelObjectPages = r.kernelObjectPages;
            primeIoctls = r.primeIoctls;
            foreignImport = r.foreignImport;
            exportsSgTable = r.exportsSgTable;
            importMapsAttachment = r.importMapsAttachment;
        }

        private Edit apply(Consumer<Edit> change) {
            change.accept(this);
            return this;
        }

        private MmapRules build() {
            return new MmapRules(source, perFileOffsets, allowOnce, innerLookup, privateRefused, aperture, pat,
                    localMemory, fixedType, primeRdwr, dmaBufMmap, forwardImports, validatedMmap, faultsFromStart,
                    mappingHoldsObject, kernelObjectPages, primeIoctls, foreignImport, exportsSgTable,
                    importMapsAttachment);
        }
    }
}
