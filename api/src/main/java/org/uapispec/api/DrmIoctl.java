package org.uapispec.api;

import java.util.Objects;

/** The DRM core ioctls every driver has (drm_ioctls[] in drivers/gpu/drm/drm_ioctl.c). */
public sealed interface DrmIoctl<R> extends Ioctl<R> {

    /** {@code DRM_CLOEXEC}: the new fd is close-on-exec (O_CLOEXEC). */
    int DRM_CLOEXEC = 0x80000;
    /** {@code DRM_RDWR}: the dma-buf may be mapped writable (O_RDWR). */
    int DRM_RDWR = 0x2;

    /** {@code DRM_IOCTL_GEM_CLOSE}: drop one handle; {@code pad} is not checked [11]. */
    record GemClose(Handle handle, int pad) implements DrmIoctl<Void> {
        public GemClose(Handle handle) {
            this(handle, 0);
        }

        public GemClose {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_GEM_CLOSE";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.gemClose(this);
        }
    }

    /** {@code DRM_IOCTL_GEM_FLINK}: give the object a global name. */
    record GemFlink(Handle handle) implements DrmIoctl<FlinkName> {
        public GemFlink {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_GEM_FLINK";
        }

        @Override
        public Outcome<FlinkName> dispatch(Handler handler) {
            return handler.gemFlink(this);
        }
    }

    /** {@code DRM_IOCTL_GEM_OPEN}: a new handle for a flink name. */
    record GemOpen(FlinkName name) implements DrmIoctl<GemOpen.Result> {
        /** The out fields: the new handle and the object's size. */
        public record Result(Handle handle, long size) {
        }

        public GemOpen {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_GEM_OPEN";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.gemOpen(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VERSION}: the driver's version, name and description. The date is not asked
     * for: drivers changed it with each merge, and Linux 6.14 dropped it (drm_version answers "0").
     */
    record Version() implements DrmIoctl<Version.Result> {
        /** What the driver reports; the strings are its DRIVER_NAME and DRIVER_DESC. */
        public record Result(int major, int minor, int patchlevel, String name, String desc) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VERSION";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.version(this);
        }
    }

    /** {@code DRM_CAP_DUMB_BUFFER}, the first of the capabilities GET_CAP knows (include/uapi/drm/drm.h). */
    long CAP_DUMB_BUFFER = 0x1;
    long CAP_VBLANK_HIGH_CRTC = 0x2;
    long CAP_DUMB_PREFERRED_DEPTH = 0x3;
    long CAP_DUMB_PREFER_SHADOW = 0x4;
    long CAP_PRIME = 0x5;
    long CAP_TIMESTAMP_MONOTONIC = 0x6;
    long CAP_ASYNC_PAGE_FLIP = 0x7;
    long CAP_CURSOR_WIDTH = 0x8;
    long CAP_CURSOR_HEIGHT = 0x9;
    long CAP_ADDFB2_MODIFIERS = 0x10;
    long CAP_PAGE_FLIP_TARGET = 0x11;
    long CAP_CRTC_IN_VBLANK_EVENT = 0x12;
    long CAP_SYNCOBJ = 0x13;
    long CAP_SYNCOBJ_TIMELINE = 0x14;
    /** {@code DRM_PRIME_CAP_IMPORT | DRM_PRIME_CAP_EXPORT}: what GET_CAP(PRIME) answers with both. */
    long PRIME_CAP_IMPORT_EXPORT = 0x3;

    /** {@code DRM_IOCTL_GET_CAP}: the value of one capability of the device. */
    record GetCap(long capability) implements DrmIoctl<Long> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_GET_CAP";
        }

        @Override
        public Outcome<Long> dispatch(Handler handler) {
            return handler.getCap(this);
        }
    }

    /** {@code DRM_IOCTL_GET_MAGIC}: this file's authentication token. */
    record GetMagic() implements DrmIoctl<Magic> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_GET_MAGIC";
        }

        @Override
        public Outcome<Magic> dispatch(Handler handler) {
            return handler.getMagic(this);
        }
    }

    /** {@code DRM_IOCTL_AUTH_MAGIC}: the master authenticates the file that owns {@code magic}. */
    record AuthMagic(Magic magic) implements DrmIoctl<Void> {
        public AuthMagic {
            Objects.requireNonNull(magic, "magic");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_AUTH_MAGIC";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.authMagic(this);
        }
    }

    /** {@code DRM_IOCTL_MODE_CREATE_DUMB}: a linear scanout buffer. */
    record ModeCreateDumb(int height, int width, int bpp, int flags) implements DrmIoctl<ModeCreateDumb.Result> {
        /** The out fields. */
        public record Result(Handle handle, int pitch, long size) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_MODE_CREATE_DUMB";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.modeCreateDumb(this);
        }
    }

    /** {@code DRM_IOCTL_MODE_MAP_DUMB}: the fake offset of a dumb (or any GEM) object. */
    /**
     * {@code DRM_IOCTL_MODE_MAP_DUMB}: the handle's fake mmap offset.
     *
     * @param pad the struct's padding, which drm_mode_mmap_dumb_ioctl never looks at
     */
    record ModeMapDumb(Handle handle, int pad) implements DrmIoctl<MmapOffset> {
        public ModeMapDumb(Handle handle) {
            this(handle, 0);
        }

        public ModeMapDumb {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_MODE_MAP_DUMB";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.modeMapDumb(this);
        }
    }

    /** {@code DRM_IOCTL_MODE_DESTROY_DUMB}: the dumb-buffer spelling of GEM_CLOSE. */
    record ModeDestroyDumb(Handle handle) implements DrmIoctl<Void> {
        public ModeDestroyDumb {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_MODE_DESTROY_DUMB";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.modeDestroyDumb(this);
        }
    }

    /** {@code DRM_IOCTL_PRIME_HANDLE_TO_FD}: export as a dma-buf; flags CLOEXEC and RDWR. */
    record PrimeHandleToFd(Handle handle, int flags) implements DrmIoctl<Fd> {
        public PrimeHandleToFd {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_PRIME_HANDLE_TO_FD";
        }

        @Override
        public Outcome<Fd> dispatch(Handler handler) {
            return handler.primeHandleToFd(this);
        }
    }

    /** {@code DRM_IOCTL_PRIME_FD_TO_HANDLE}: import a dma-buf. */
    record PrimeFdToHandle(Fd dmaBuf) implements DrmIoctl<Handle> {
        public PrimeFdToHandle {
            Objects.requireNonNull(dmaBuf, "dmaBuf");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_PRIME_FD_TO_HANDLE";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.primeFdToHandle(this);
        }
    }
}
