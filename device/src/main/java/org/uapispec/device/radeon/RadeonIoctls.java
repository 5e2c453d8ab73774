package org.uapispec.device.radeon;

import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemIoctls;
import org.uapispec.device.mmap.MmapIoctls;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.RadeonRules;

/**
 * radeon's GEM_INFO, GEM_CREATE and GEM_MMAP for one call (drivers/gpu/drm/radeon/radeon_gem.c), on
 * the RV100 {@link RadeonRules} describes. The caller has checked the driver and DRM_AUTH.
 */
public final class RadeonIoctls {
    private final DrmFile file;
    private final Process caller;
    private final RadeonRules rules;

    public RadeonIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.rules = file.device().profile().gem().radeon();
    }

    /** radeon_gem_info_ioctl: the GTT (nothing pinned there), the VRAM and its visible unpinned part. */
    public Outcome<RadeonIoctl.GemInfo.Result> info() {
        return Outcome.ok(new RadeonIoctl.GemInfo.Result(rules.gttSize(), rules.vramSize(), rules.vramVisible()));
    }

    /**
     * radeon_gem_create_ioctl: the size rounded up to pages, then radeon_gem_object_create: over the
     * GTT ENOMEM; then the placement ({@link #place}), and for a VRAM-only object that does not fit
     * a second try in VRAM or the GTT. {@code alignment} and {@code flags} change where an object
     * goes, not whether it is made, so they are not checked (measured: alignment 3 and flags 0xff
     * succeed).
     */
    public Outcome<Handle> create(RadeonIoctl.GemCreate request) {
        long size = (request.size() + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
        if (Long.compareUnsigned(size, rules.gttSize()) > 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        if (size == 0) {
            return Outcome.err(rules.emptyObject()); // radeon_bo_create of no pages
        }
        int domain = request.initialDomain();
        Outcome<Void> placed = place(domain, size);
        if (!placed.isOk() && domain == RadeonIoctl.DOMAIN_VRAM) {
            placed = place(domain | RadeonIoctl.DOMAIN_GTT, size);
        }
        return placed.then(v -> new GemIoctls(file).newPlacedObject(size));
    }

    /**
     * TTM's first placement that takes the object, in radeon_ttm_placement_from_domain's order:
     * VRAM where the object fits, the GTT (EINVAL where the GART is not set up: radeon_gart_bind),
     * system memory; no domain bit known means system memory. ENOMEM when none takes it.
     */
    private Outcome<Void> place(int domain, long size) {
        int known = RadeonIoctl.DOMAIN_VRAM | RadeonIoctl.DOMAIN_GTT | RadeonIoctl.DOMAIN_CPU;
        if ((domain & known) == 0) {
            return Outcome.ok();
        }
        if ((domain & RadeonIoctl.DOMAIN_VRAM) != 0 && size <= rules.vramVisible()) {
            return Outcome.ok();
        }
        if ((domain & RadeonIoctl.DOMAIN_GTT) != 0) {
            return rules.gartReady() ? Outcome.ok() : Outcome.err(Errno.EINVAL);
        }
        return (domain & RadeonIoctl.DOMAIN_CPU) != 0 ? Outcome.ok() : Outcome.err(Errno.ENOMEM);
    }

    /**
     * radeon_gem_mmap_ioctl, that is radeon_mode_dumb_mmap: ENOENT for a bad handle, EPERM for a
     * userptr object, else the object's offset; the struct's offset and size are not read.
     */
    public Outcome<MmapOffset> mmap(RadeonIoctl.GemMmap request) {
        return new MmapIoctls(file, caller).mapObject(request.handle());
    }
}
