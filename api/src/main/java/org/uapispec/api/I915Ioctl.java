package org.uapispec.api;

import java.util.List;
import java.util.Objects;

/** The i915 driver ioctls (include/uapi/drm/i915_drm.h). */
public sealed interface I915Ioctl<R> extends Ioctl<R> {

    /** {@code I915_USERPTR_READ_ONLY}. */
    int USERPTR_READ_ONLY = 0x1;
    /** {@code I915_USERPTR_PROBE}: check the range at creation (Linux 5.14+). */
    int USERPTR_PROBE = 0x2;
    /** {@code I915_USERPTR_GPU_MIRROR}: the 2014 seed's extension, needs 48-bit PPGTT. */
    int USERPTR_GPU_MIRROR = 0x4;
    /** {@code I915_USERPTR_UNSYNCHRONIZED}: no MMU notifier. */
    int USERPTR_UNSYNCHRONIZED = 0x80000000;

    /** {@code I915_GEM_DOMAIN_CPU}. */
    int DOMAIN_CPU = 0x1;
    /** {@code I915_GEM_DOMAIN_GTT}. */
    int DOMAIN_GTT = 0x40;
    /** {@code I915_GEM_DOMAIN_WC}: write-combined CPU access (Linux 4.9). */
    int DOMAIN_WC = 0x80;

    /** {@code I915_MMAP_OFFSET_*}: the mmap types of MMAP_OFFSET. */
    enum MmapType {
        GTT(0), WC(1), WB(2), UC(3), FIXED(4);

        private final long flags;

        MmapType(long flags) {
            this.flags = flags;
        }

        /** The value of the ioctl's {@code flags} field. */
        public long flags() {
            return flags;
        }
    }

    /** {@code I915_MMAP_WC}: the only flag of the legacy GEM_MMAP ioctl. */
    long MMAP_WC = 0x1;

    /** {@code DRM_IOCTL_I915_GEM_CREATE}: a shmem object; {@code size} is rounded up to pages. */
    record GemCreate(long size) implements I915Ioctl<GemCreate.Result> {
        /** The out fields: the handle and the rounded size. */
        public record Result(Handle handle, long size) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_CREATE";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.gemCreate(this);
        }
    }

    /**
     * {@code DRM_IOCTL_I915_GEM_PREAD}: copy {@code size} bytes at {@code offset} out of the object.
     * The backend owns the user buffer, so the bytes come back as the result.
     */
    record GemPread(Handle handle, long offset, long size) implements I915Ioctl<byte[]> {
        public GemPread {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_PREAD";
        }

        @Override
        public Outcome<byte[]> dispatch(Handler handler) {
            return handler.gemPread(this);
        }
    }

    /** {@code DRM_IOCTL_I915_GEM_PWRITE}: copy {@code data} into the object at {@code offset}. */
    record GemPwrite(Handle handle, long offset, byte[] data) implements I915Ioctl<Void> {
        public GemPwrite {
            Objects.requireNonNull(handle, "handle");
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof GemPwrite p && p.handle.equals(handle) && p.offset == offset
                    && java.util.Arrays.equals(p.data, data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(handle, offset, java.util.Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "GemPwrite[handle=" + handle + ", offset=" + offset + ", data="
                    + Describe.bytes(data) + "]";
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_PWRITE";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.gemPwrite(this);
        }
    }

    /** {@code DRM_IOCTL_I915_GEM_SET_DOMAIN}: the cheap probe that resolves lazily pinned pages [35]. */
    record GemSetDomain(Handle handle, int readDomains, int writeDomain) implements I915Ioctl<Void> {
        public GemSetDomain {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_SET_DOMAIN";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.gemSetDomain(this);
        }
    }

    /**
     * {@code DRM_IOCTL_I915_GEM_EXECBUFFER2}, reduced to what the uAPI contract observes: the objects
     * a batch uses. It is the first GPU use, where lazily pinned pages are resolved.
     */
    record GemExecbuffer(List<Handle> objects) implements I915Ioctl<Void> {
        public GemExecbuffer {
            objects = List.copyOf(objects);
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_EXECBUFFER2";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.gemExecbuffer(this);
        }
    }

    /**
     * {@code DRM_IOCTL_I915_GEM_USERPTR}: wrap the caller's memory in a GEM object.
     *
     * @param ctxId the context whose VM bounds the size (the 2014 seed's field; 0 is the default)
     */
    record GemUserptr(long userPtr, long userSize, int flags, int ctxId) implements I915Ioctl<Handle> {
        public GemUserptr(long userPtr, long userSize, int flags) {
            this(userPtr, userSize, flags, 0);
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_USERPTR";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.gemUserptr(this);
        }
    }

    /** {@code DRM_IOCTL_I915_GEM_MMAP_GTT}: the legacy GTT offset, one per object. */
    record GemMmapGtt(Handle handle) implements I915Ioctl<MmapOffset> {
        public GemMmapGtt {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_MMAP_GTT";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.gemMmapGtt(this);
        }
    }

    /**
     * {@code DRM_IOCTL_I915_GEM_MMAP_OFFSET} (Linux 5.5+).
     *
     * @param flags      the mmap type ({@link MmapType#flags()}), any value accepted here
     * @param extensions a user pointer to an extension chain, 0 for none
     * @param pad        historic padding, deliberately not validated [61]
     */
    record GemMmapOffset(Handle handle, long flags, long extensions, int pad) implements I915Ioctl<MmapOffset> {
        public GemMmapOffset(Handle handle, MmapType type) {
            this(handle, type.flags(), 0, 0);
        }

        public GemMmapOffset {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_MMAP_OFFSET";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.gemMmapOffset(this);
        }
    }

    /** {@code DRM_IOCTL_I915_GEM_MMAP}: the legacy CPU mmap; maps in the caller and returns the address. */
    record GemMmap(Handle handle, long offset, long size, long flags) implements I915Ioctl<Long> {
        public GemMmap {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_I915_GEM_MMAP";
        }

        @Override
        public Outcome<Long> dispatch(Handler handler) {
            return handler.gemMmap(this);
        }
    }
}
