package org.uapispec.device.profile;

import org.uapispec.api.Errno;

/**
 * radeon (drivers/gpu/drm/radeon) on QEMU's {@code ati-vga,model=rv100}, as the guest's kernels
 * probe it: an RV100 without its CP microcode (Debian ships no radeon/R100_cp.bin in the guest), so
 * r100_init disables acceleration and frees the PCI GART again. Read only where the driver is
 * {@link Driver#RADEON}.
 *
 * @param gttSize      {@code rdev->mc.gtt_size}: radeon_gart_size_auto's 512 MiB for families before
 *                     RV770; radeon_gem_object_create refuses a larger object with ENOMEM
 * @param vramSize     the VRAM TTM manages: QEMU's ati-vga has 16 MiB
 * @param vramVisible  CPU-visible VRAM less what the kernel pinned at probe (GEM_INFO's
 *                     {@code vram_visible}, measured 16 MiB - 256 KiB on every era); the room one
 *                     new object has there (the model checks one object against it, not the sum)
 * @param beforeR600   the family predates R600: a READONLY userptr is EINVAL ("readonly pages not
 *                     tested on older hardware")
 * @param gartReady    whether the GART is set up; here it is not, so whatever must be placed in the
 *                     GTT fails in radeon_gart_bind with EINVAL (the kernel WARNs "trying to bind
 *                     memory to uninitialized GART")
 * @param emptyObject  the errno of an object of size 0: ttm_bo_init_reserved's "Illegal buffer
 *                     object size" EINVAL until 5.10, ENOSPC from the range manager after
 * @param kmsMinor     KMS_DRIVER_MINOR, what VERSION answers as the minor number
 */
public record RadeonRules(long gttSize, long vramSize, long vramVisible, boolean beforeR600, boolean gartReady,
        Errno emptyObject, int kmsMinor) {

    /** Debian's 7.2 on QEMU's RV100. */
    public static final RadeonRules RV100 = new RadeonRules(512L << 20, 16L << 20, (16L << 20) - (256L << 10),
            true, false, Errno.ENOSPC, 51);

    public RadeonRules withEmptyObject(Errno errno) {
        return new RadeonRules(gttSize, vramSize, vramVisible, beforeR600, gartReady, errno, kmsMinor);
    }

    public RadeonRules withKmsMinor(int minor) {
        return new RadeonRules(gttSize, vramSize, vramVisible, beforeR600, gartReady, emptyObject, minor);
    }
}
