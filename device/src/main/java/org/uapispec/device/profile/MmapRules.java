package org.uapispec.device.profile;

import java.util.Objects;

/**
 * How a profile answers mmap offsets, mmap of device files and dma-buf/PRIME (catalogue A.4 and A.5,
 * IDs 59-100). Each era is one constant; the model reads these switches and never branches on a
 * profile's name. The device settings ({@code aperture}, {@code pat}, {@code localMemory}) describe
 * the machine the driver runs on; a test can build other machines with {@link #withMemory}.
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
 */
public record MmapRules(OffsetSource source, boolean perFileOffsets, boolean allowOnce, boolean innerLookup,
        boolean privateRefused, boolean aperture, boolean pat, boolean localMemory, boolean fixedType,
        boolean primeRdwr, DmaBufMmap dmaBufMmap, boolean forwardImports, boolean validatedMmap) {

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
        SHMEM_FILE
    }

    public MmapRules {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(dmaBufMmap, "dmaBufMmap");
    }

    /** The DRM core as vgem implements it today (shmem helpers, 4.6+ dma-buf). */
    public static final MmapRules GENERIC = new MmapRules(OffsetSource.CORE_DUMB, false, false, false,
            true, false, false, false, false, true, DmaBufMmap.GEM_OBJECT, false, true);
    /** i915 at 3.16: legacy GTT mmap, one offset per object, no DRM_RDWR, no dma-buf mmap. */
    public static final MmapRules I915_2014 = new MmapRules(OffsetSource.LEGACY_GTT, false, false, false,
            false, true, true, false, false, false, DmaBufMmap.REFUSED, false, false);
    /** i915 from 5.5 to 5.12: MMAP_OFFSET, per-file allow with a reference per ask, exact lookup. */
    public static final MmapRules I915_2019 = new MmapRules(OffsetSource.MMAP_OFFSET, true, false, false,
            false, true, true, false, false, true, DmaBufMmap.SHMEM_FILE, false, true);
    /** Today's i915 on an integrated part with an aperture: allow_once, inner lookup, FIXED known. */
    public static final MmapRules I915 = new MmapRules(OffsetSource.MMAP_OFFSET, true, true, true,
            false, true, true, false, true, true, DmaBufMmap.SHMEM_FILE, false, true);
    /** Today's i915 with the dma-buf mmap-forwarding RFC. */
    public static final MmapRules I915_MMAP_FORWARD = new MmapRules(OffsetSource.MMAP_OFFSET, true, true, true,
            false, true, true, false, true, true, DmaBufMmap.SHMEM_FILE, true, true);

    /** These rules on another machine: with or without aperture, PAT and local memory [62]. */
    public MmapRules withMemory(boolean hasAperture, boolean hasPat, boolean hasLocalMemory) {
        return new MmapRules(source, perFileOffsets, allowOnce, innerLookup, privateRefused, hasAperture, hasPat,
                hasLocalMemory, fixedType, primeRdwr, dmaBufMmap, forwardImports, validatedMmap);
    }
}
