package org.uapispec.device.qxl;

import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;
import org.uapispec.api.QxlIoctl;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemIoctls;
import org.uapispec.device.mmap.MmapIoctls;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.GemRules;

/**
 * qxl's ALLOC, MAP and GETPARAM for one call, on QEMU's qxl device. The caller has checked the
 * driver and DRM_AUTH.
 */
public final class QxlIoctls {
    /** QXL_MAX_RES (qxl_drv.h): what GETPARAM MAX_RELOCS answers. */
    private static final long MAX_RELOCS = 96;

    private final DrmFile file;
    private final Process caller;
    private final GemRules gem;

    public QxlIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.gem = file.device().profile().gem();
    }

    /**
     * qxl_alloc_ioctl: size 0 is EINVAL (with a DRM_ERROR line); the object goes to VRAM, page-rounded
     * by TTM, where the dumb buffers go ({@link GemIoctls#newDriverObject}); any failure of
     * qxl_gem_object_create is ENOMEM, qxl's {@link GemRules#dumbTooBig}.
     */
    public Outcome<Handle> alloc(QxlIoctl.Alloc request) {
        long size = Integer.toUnsignedLong(request.size());
        if (size == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        return new GemIoctls(file).newDriverObject((size + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE);
    }

    /** qxl_map_ioctl: the dumb-map offset of the object (drm_gem_ttm_dumb_map_offset): ENOENT for a bad handle. */
    public Outcome<MmapOffset> map(QxlIoctl.Map request) {
        return new MmapIoctls(file, caller).mapObject(request.handle());
    }

    /**
     * qxl_getparam_ioctl: NUM_SURFACES is the ROM's surface count ({@link GemRules#qxlSurfaces}),
     * MAX_RELOCS is QXL_MAX_RES; any other param EINVAL.
     */
    public Outcome<Long> getParam(QxlIoctl.GetParam request) {
        if (request.param() == QxlIoctl.PARAM_NUM_SURFACES) {
            return Outcome.ok(gem.qxlSurfaces());
        }
        if (request.param() == QxlIoctl.PARAM_MAX_RELOCS) {
            return Outcome.ok(MAX_RELOCS);
        }
        return Outcome.err(Errno.EINVAL);
    }
}
