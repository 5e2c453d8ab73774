package org.uapispec.api;

/** The ioctls of the vgem driver (include/uapi/drm/vgem_drm.h): fences on its objects. */
public sealed interface VgemIoctl<R> extends Ioctl<R> {

    /** {@code VGEM_FENCE_WRITE}: the fence is a write (exclusive) fence. */
    int FENCE_WRITE = 0x1;

    /**
     * {@code DRM_IOCTL_VGEM_FENCE_ATTACH} ({@code struct drm_vgem_fence_attach}): a new fence on the
     * object's reservation; the result is its id ({@code out_fence}).
     */
    record FenceAttach(Handle handle, int flags, int pad) implements VgemIoctl<Integer> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VGEM_FENCE_ATTACH";
        }

        @Override
        public Outcome<Integer> dispatch(Handler handler) {
            return handler.vgemFenceAttach(this);
        }
    }

    /** {@code DRM_IOCTL_VGEM_FENCE_SIGNAL} ({@code struct drm_vgem_fence_signal}): signals fence {@code fence}. */
    record FenceSignal(int fence, int flags) implements VgemIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VGEM_FENCE_SIGNAL";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.vgemFenceSignal(this);
        }
    }
}
