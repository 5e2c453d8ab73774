package org.uapispec.api;

/**
 * The ioctls of qxl (include/uapi/drm/qxl_drm.h) that a guest exercises without a SPICE client:
 * ALLOC, MAP and GETPARAM. All are DRM_AUTH.
 */
public sealed interface QxlIoctl<R> extends Ioctl<R> {

    /** {@code QXL_PARAM_NUM_SURFACES}: the surfaces the device's ROM offers. */
    long PARAM_NUM_SURFACES = 1;
    /** {@code QXL_PARAM_MAX_RELOCS}: the relocations one EXECBUFFER command may carry. */
    long PARAM_MAX_RELOCS = 2;

    /** {@code DRM_IOCTL_QXL_ALLOC} ({@code struct drm_qxl_alloc}): a new object of {@code size} bytes in VRAM. */
    record Alloc(int size) implements QxlIoctl<Handle> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_QXL_ALLOC";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.qxlAlloc(this);
        }
    }

    /** {@code DRM_IOCTL_QXL_MAP}: the object's fake mmap offset, as MODE_MAP_DUMB gives it. */
    record Map(Handle handle) implements QxlIoctl<MmapOffset> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_QXL_MAP";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.qxlMap(this);
        }
    }

    /** {@code DRM_IOCTL_QXL_GETPARAM} ({@code struct drm_qxl_getparam}): the value of {@code param}. */
    record GetParam(long param) implements QxlIoctl<Long> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_QXL_GETPARAM";
        }

        @Override
        public Outcome<Long> dispatch(Handler handler) {
            return handler.qxlGetParam(this);
        }
    }
}
