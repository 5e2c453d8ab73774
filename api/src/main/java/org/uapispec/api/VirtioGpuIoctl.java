package org.uapispec.api;

/**
 * The ioctls of virtio-gpu (include/uapi/drm/virtgpu_drm.h). Without virgl, as a QEMU guest's
 * {@code virtio-gpu-pci} runs, only the 2D part works: resources created with target 2, mapped,
 * transferred to the host, waited on; the 3D and blob calls are refused.
 */
public sealed interface VirtioGpuIoctl<R> extends Ioctl<R> {

    /** {@code VIRTGPU_PARAM_3D_FEATURES}: whether the host runs virgl. */
    long PARAM_3D_FEATURES = 1;
    /** {@code VIRTGPU_PARAM_CAPSET_QUERY_FIX}: always 1. */
    long PARAM_CAPSET_QUERY_FIX = 2;
    /** {@code VIRTGPU_PARAM_RESOURCE_BLOB} (Linux 5.11). */
    long PARAM_RESOURCE_BLOB = 3;
    /** {@code VIRTGPU_PARAM_HOST_VISIBLE} (5.11). */
    long PARAM_HOST_VISIBLE = 4;
    /** {@code VIRTGPU_PARAM_CROSS_DEVICE} (5.11). */
    long PARAM_CROSS_DEVICE = 5;
    /** {@code VIRTGPU_PARAM_CONTEXT_INIT} (5.16). */
    long PARAM_CONTEXT_INIT = 6;
    /** {@code VIRTGPU_PARAM_SUPPORTED_CAPSET_IDs} (5.16). */
    long PARAM_SUPPORTED_CAPSET_IDS = 7;
    /** {@code VIRTGPU_PARAM_EXPLICIT_DEBUG_NAME} (6.6 or so). */
    long PARAM_EXPLICIT_DEBUG_NAME = 8;
    /** {@code VIRTGPU_PARAM_BLOB_ALIGNMENT} (after 6.12). */
    long PARAM_BLOB_ALIGNMENT = 9;
    /** {@code VIRTGPU_WAIT_NOWAIT}: test the object's fences instead of waiting for them. */
    int WAIT_NOWAIT = 0x1;

    /** A box of a resource ({@code struct drm_virtgpu_3d_box}), in pixels. */
    record Box(int x, int y, int z, int w, int h, int d) {
    }

    /** {@code DRM_IOCTL_VIRTGPU_MAP}: the object's fake mmap offset, as MODE_MAP_DUMB gives it. */
    record Map(Handle handle) implements VirtioGpuIoctl<MmapOffset> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_MAP";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.virtioGpuMap(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_GETPARAM}: the value of {@code param}, which the kernel writes to an
     * int the caller points at (each backend supplies the int).
     */
    record GetParam(long param) implements VirtioGpuIoctl<Integer> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_GETPARAM";
        }

        @Override
        public Outcome<Integer> dispatch(Handler handler) {
            return handler.virtioGpuGetParam(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_RESOURCE_CREATE} ({@code struct drm_virtgpu_resource_create}): a new
     * object backing a host resource; without virgl only a 2D one (target 2, depth, array size,
     * samples at most 1, at most one mip level). {@code size} 0 means one page.
     */
    record ResourceCreate(int target, int format, int bind, int width, int height, int depth, int arraySize,
            int lastLevel, int nrSamples, int flags, int size, int stride) implements VirtioGpuIoctl<ResourceCreate.Result> {
        /** The new handle and the host resource's id (res_handle). */
        public record Result(Handle handle, int resHandle) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_RESOURCE_CREATE";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.virtioGpuResourceCreate(this);
        }
    }

    /** {@code DRM_IOCTL_VIRTGPU_RESOURCE_INFO}: the object's size and its host resource's id. */
    record ResourceInfo(Handle handle) implements VirtioGpuIoctl<ResourceInfo.Result> {
        /** The object's size in bytes and res_handle. */
        public record Result(long size, int resHandle) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_RESOURCE_INFO";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.virtioGpuResourceInfo(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_TRANSFER_TO_HOST} ({@code struct drm_virtgpu_3d_transfer_to_host}): copy
     * a box of the object's pages to the host resource (TRANSFER_TO_HOST_2D without virgl).
     */
    record TransferToHost(Handle handle, Box box, int level, int offset) implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_TRANSFER_TO_HOST";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuTransferToHost(this);
        }
    }

    /** {@code DRM_IOCTL_VIRTGPU_TRANSFER_FROM_HOST}: 3D only, ENOSYS without virgl. */
    record TransferFromHost(Handle handle, Box box, int level, int offset) implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_TRANSFER_FROM_HOST";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuTransferFromHost(this);
        }
    }

    /** {@code DRM_IOCTL_VIRTGPU_WAIT}: wait for (or with NOWAIT, test) the object's fences. */
    record Wait(Handle handle, int flags) implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_WAIT";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuWait(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_EXECBUFFER} with {@code flags} and an empty command stream and object
     * list: a virgl command submission, ENOSYS without virgl before anything is read.
     */
    record Execbuffer(int flags) implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_EXECBUFFER";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuExecbuffer(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_GET_CAPS}: copy {@code size} bytes of a capability set to the caller
     * (each backend supplies the buffer); ENOSYS when the host has no capability sets.
     */
    record GetCaps(int capSetId, int capSetVer, int size) implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_GET_CAPS";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuGetCaps(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_RESOURCE_CREATE_BLOB} (Linux 5.11), with no command and blob id 0: a
     * resource of {@code size} bytes; EINVAL when the host has no blob resources.
     */
    record ResourceCreateBlob(int blobMem, int blobFlags, long size) implements VirtioGpuIoctl<Handle> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_RESOURCE_CREATE_BLOB";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.virtioGpuResourceCreateBlob(this);
        }
    }

    /**
     * {@code DRM_IOCTL_VIRTGPU_CONTEXT_INIT} (Linux 5.16) with no parameters: EINVAL without the
     * host's context-init feature and virgl.
     */
    record ContextInit() implements VirtioGpuIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_VIRTGPU_CONTEXT_INIT";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.virtioGpuContextInit(this);
        }
    }
}
