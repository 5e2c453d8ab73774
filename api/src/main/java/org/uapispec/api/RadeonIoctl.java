package org.uapispec.api;

/**
 * The GEM ioctls of radeon (include/uapi/drm/radeon_drm.h) that a guest with QEMU's
 * {@code ati-vga,model=rv100} exercises: the memory sizes, object creation in a domain, the object's
 * mmap offset, and userptr objects over the caller's memory. All are
 * {@code DRM_AUTH | DRM_RENDER_ALLOW}.
 */
public sealed interface RadeonIoctl<R> extends Ioctl<R> {

    /** {@code RADEON_GEM_DOMAIN_CPU}: system memory the GPU does not see. */
    int DOMAIN_CPU = 0x1;
    /** {@code RADEON_GEM_DOMAIN_GTT}: system memory behind the GART. */
    int DOMAIN_GTT = 0x2;
    /** {@code RADEON_GEM_DOMAIN_VRAM}: the card's own memory. */
    int DOMAIN_VRAM = 0x4;

    /** {@code RADEON_GEM_USERPTR_READONLY}: the GPU only reads the pages. */
    int USERPTR_READONLY = 1 << 0;
    /** {@code RADEON_GEM_USERPTR_ANONONLY}: only anonymous memory may be pinned. */
    int USERPTR_ANONONLY = 1 << 1;
    /** {@code RADEON_GEM_USERPTR_VALIDATE}: place the object in the GTT at once. */
    int USERPTR_VALIDATE = 1 << 2;
    /** {@code RADEON_GEM_USERPTR_REGISTER}: install an MMU notifier over the range. */
    int USERPTR_REGISTER = 1 << 3;

    /** {@code DRM_IOCTL_RADEON_GEM_INFO} ({@code struct drm_radeon_gem_info}): the memory sizes. */
    record GemInfo() implements RadeonIoctl<GemInfo.Result> {
        /** The GTT's unpinned size, the VRAM's size and its CPU-visible unpinned part, in bytes. */
        public record Result(long gartSize, long vramSize, long vramVisible) {
        }

        @Override
        public String ioctlName() {
            return "DRM_IOCTL_RADEON_GEM_INFO";
        }

        @Override
        public Outcome<Result> dispatch(Handler handler) {
            return handler.radeonGemInfo(this);
        }
    }

    /**
     * {@code DRM_IOCTL_RADEON_GEM_CREATE} ({@code struct drm_radeon_gem_create}): a new object of
     * {@code size} bytes (rounded up to pages), placed first in {@code initialDomain}.
     */
    record GemCreate(long size, long alignment, int initialDomain, int flags) implements RadeonIoctl<Handle> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_RADEON_GEM_CREATE";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.radeonGemCreate(this);
        }
    }

    /**
     * {@code DRM_IOCTL_RADEON_GEM_MMAP} ({@code struct drm_radeon_gem_mmap}): the object's fake mmap
     * offset ({@code addr_ptr}), as MODE_MAP_DUMB gives it; {@code offset} and {@code size} are unused.
     */
    record GemMmap(Handle handle, long offset, long size) implements RadeonIoctl<MmapOffset> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_RADEON_GEM_MMAP";
        }

        @Override
        public Outcome<MmapOffset> dispatch(Handler handler) {
            return handler.radeonGemMmap(this);
        }
    }

    /**
     * {@code DRM_IOCTL_RADEON_GEM_USERPTR} ({@code struct drm_radeon_gem_userptr}): an object over
     * {@code size} bytes of the caller's memory at {@code addr}.
     */
    record GemUserptr(long addr, long size, int flags) implements RadeonIoctl<Handle> {
        @Override
        public String ioctlName() {
            return "DRM_IOCTL_RADEON_GEM_USERPTR";
        }

        @Override
        public Outcome<Handle> dispatch(Handler handler) {
            return handler.radeonGemUserptr(this);
        }
    }
}
