package org.uapispec.linux;

import static org.uapispec.linux.Struct.u32;
import static org.uapispec.linux.Struct.u64;

import java.util.List;

/**
 * The uAPI the kernel backend speaks, as x86-64 lays it out: each ioctl's request number and
 * argument struct, from {@code include/uapi/drm/drm.h}, {@code drm_mode.h}, {@code i915_drm.h},
 * {@code virtgpu_drm.h}, {@code qxl_drm.h}, {@code radeon_drm.h}, {@code include/uapi/linux/dma-buf.h}, {@code udmabuf.h} and
 * {@code dma-heap.h}.
 * The agent knows none of this; it passes the bytes through.
 * {@code AbiTest} checks every number, size and offset against the headers.
 */
final class Abi {
    /** One ioctl: its macro's name, its request number, its argument struct. */
    record IoctlCode(String name, long request, Struct struct) {
    }

    private static final int IOC_WRITE = 1;
    private static final int IOC_READ = 2;
    private static final char DRM = 'd';
    private static final char DMA_BUF = 'b';
    private static final char UDMABUF = 'u';
    private static final char DMA_HEAP = 'H';

    static final Struct DRM_VERSION = Struct.of("drm_version", 64,
            u32("version_major", 0), u32("version_minor", 4), u32("version_patchlevel", 8),
            u64("name_len", 16), u64("name", 24), u64("date_len", 32), u64("date", 40),
            u64("desc_len", 48), u64("desc", 56));
    static final Struct DRM_AUTH = Struct.of("drm_auth", 4, u32("magic", 0));
    static final Struct DRM_GET_CAP = Struct.of("drm_get_cap", 16, u64("capability", 0), u64("value", 8));
    static final Struct DRM_GEM_CLOSE = Struct.of("drm_gem_close", 8, u32("handle", 0), u32("pad", 4));
    static final Struct DRM_GEM_FLINK = Struct.of("drm_gem_flink", 8, u32("handle", 0), u32("name", 4));
    static final Struct DRM_GEM_OPEN = Struct.of("drm_gem_open", 16, u32("name", 0), u32("handle", 4),
            u64("size", 8));
    static final Struct DRM_PRIME_HANDLE = Struct.of("drm_prime_handle", 12, u32("handle", 0), u32("flags", 4),
            u32("fd", 8));
    static final Struct DRM_MODE_CREATE_DUMB = Struct.of("drm_mode_create_dumb", 32, u32("height", 0),
            u32("width", 4), u32("bpp", 8), u32("flags", 12), u32("handle", 16), u32("pitch", 20), u64("size", 24));
    static final Struct DRM_MODE_MAP_DUMB = Struct.of("drm_mode_map_dumb", 16, u32("handle", 0), u32("pad", 4),
            u64("offset", 8));
    static final Struct DRM_MODE_DESTROY_DUMB = Struct.of("drm_mode_destroy_dumb", 4, u32("handle", 0));
    static final Struct DMA_BUF_SYNC = Struct.of("dma_buf_sync", 8, u64("flags", 0));
    static final Struct I915_GEM_CREATE = Struct.of("drm_i915_gem_create", 16, u64("size", 0), u32("handle", 8),
            u32("pad", 12));
    static final Struct I915_GEM_PREAD = Struct.of("drm_i915_gem_pread", 32, u32("handle", 0), u32("pad", 4),
            u64("offset", 8), u64("size", 16), u64("data_ptr", 24));
    static final Struct I915_GEM_PWRITE = Struct.of("drm_i915_gem_pwrite", 32, u32("handle", 0), u32("pad", 4),
            u64("offset", 8), u64("size", 16), u64("data_ptr", 24));
    static final Struct I915_GEM_MMAP = Struct.of("drm_i915_gem_mmap", 40, u32("handle", 0), u32("pad", 4),
            u64("offset", 8), u64("size", 16), u64("addr_ptr", 24), u64("flags", 32));
    static final Struct I915_GEM_SET_DOMAIN = Struct.of("drm_i915_gem_set_domain", 12, u32("handle", 0),
            u32("read_domains", 4), u32("write_domain", 8));
    static final Struct I915_GEM_MMAP_GTT = Struct.of("drm_i915_gem_mmap_gtt", 16, u32("handle", 0), u32("pad", 4),
            u64("offset", 8));
    static final Struct I915_GEM_MMAP_OFFSET = Struct.of("drm_i915_gem_mmap_offset", 32, u32("handle", 0),
            u32("pad", 4), u64("offset", 8), u64("flags", 16), u64("extensions", 24));
    /* include/uapi/drm/vgem_drm.h, which libdrm-dev does not carry: see VGEM_IOCTLS. */
    static final Struct VGEM_FENCE_ATTACH = Struct.of("drm_vgem_fence_attach", 16, u32("handle", 0),
            u32("flags", 4), u32("out_fence", 8), u32("pad", 12));
    static final Struct VGEM_FENCE_SIGNAL = Struct.of("drm_vgem_fence_signal", 8, u32("fence", 0), u32("flags", 4));
    static final Struct I915_GEM_USERPTR = Struct.of("drm_i915_gem_userptr", 24, u64("user_ptr", 0),
            u64("user_size", 8), u32("flags", 16), u32("handle", 20));

    static final Struct UDMABUF_CREATE = Struct.of("udmabuf_create", 24, u32("memfd", 0), u32("flags", 4),
            u64("offset", 8), u64("size", 16));
    /** The header of UDMABUF_CREATE_LIST; its items ({@link #UDMABUF_CREATE_ITEM}) follow it inline. */
    static final Struct UDMABUF_CREATE_LIST = Struct.of("udmabuf_create_list", 8, u32("flags", 0), u32("count", 4));
    static final Struct UDMABUF_CREATE_ITEM = Struct.of("udmabuf_create_item", 24, u32("memfd", 0), u32("__pad", 4),
            u64("offset", 8), u64("size", 16));
    static final Struct DMA_HEAP_ALLOCATION_DATA = Struct.of("dma_heap_allocation_data", 24, u64("len", 0),
            u32("fd", 8), u32("fd_flags", 12), u64("heap_flags", 16));

    /*
     * include/uapi/drm/virtgpu_drm.h as 6.12 has it. Structs have grown at their end (execbuffer is
     * 32 bytes on 5.10, 48 on 6.1, 64 on 6.12; 5.10's transfers have no stride and layer_stride, 36
     * bytes; 7.2's create_blob has blob_hints and pad2 after 6.12's 48 bytes), and drm_ioctl copies
     * min(the request's size, the kernel's) and zero-fills the rest, so these layouts, with zeros in
     * every field a call does not set, are each era's own. Resource info's fourth field is stride on
     * 5.10, which it never fills; blob_mem after, filled for blob resources only.
     */
    static final Struct VIRTGPU_MAP = Struct.of("drm_virtgpu_map", 16, u64("offset", 0), u32("handle", 8),
            u32("pad", 12));
    static final Struct VIRTGPU_EXECBUFFER = Struct.of("drm_virtgpu_execbuffer", 64, u32("flags", 0),
            u32("size", 4), u64("command", 8), u64("bo_handles", 16), u32("num_bo_handles", 24),
            u32("fence_fd", 28), u32("ring_idx", 32), u32("syncobj_stride", 36), u32("num_in_syncobjs", 40),
            u32("num_out_syncobjs", 44), u64("in_syncobjs", 48), u64("out_syncobjs", 56));
    /** {@code value} is the address of the int the kernel writes the parameter's value to. */
    static final Struct VIRTGPU_GETPARAM = Struct.of("drm_virtgpu_getparam", 16, u64("param", 0), u64("value", 8));
    static final Struct VIRTGPU_RESOURCE_CREATE = Struct.of("drm_virtgpu_resource_create", 56, u32("target", 0),
            u32("format", 4), u32("bind", 8), u32("width", 12), u32("height", 16), u32("depth", 20),
            u32("array_size", 24), u32("last_level", 28), u32("nr_samples", 32), u32("flags", 36),
            u32("bo_handle", 40), u32("res_handle", 44), u32("size", 48), u32("stride", 52));
    static final Struct VIRTGPU_RESOURCE_INFO = Struct.of("drm_virtgpu_resource_info", 16, u32("bo_handle", 0),
            u32("res_handle", 4), u32("size", 8), u32("blob_mem", 12));
    /** The box both transfers carry inline ({@code box.x} ... in theirs). */
    static final Struct VIRTGPU_3D_BOX = Struct.of("drm_virtgpu_3d_box", 24, u32("x", 0), u32("y", 4), u32("z", 8),
            u32("w", 12), u32("h", 16), u32("d", 20));
    static final Struct VIRTGPU_TRANSFER_TO_HOST = transfer("drm_virtgpu_3d_transfer_to_host");
    static final Struct VIRTGPU_TRANSFER_FROM_HOST = transfer("drm_virtgpu_3d_transfer_from_host");
    static final Struct VIRTGPU_3D_WAIT = Struct.of("drm_virtgpu_3d_wait", 8, u32("handle", 0), u32("flags", 4));
    /** {@code addr} is the address of the {@code size} bytes the kernel copies the capability set to. */
    static final Struct VIRTGPU_GET_CAPS = Struct.of("drm_virtgpu_get_caps", 24, u32("cap_set_id", 0),
            u32("cap_set_ver", 4), u64("addr", 8), u32("size", 16), u32("pad", 20));
    static final Struct VIRTGPU_RESOURCE_CREATE_BLOB = Struct.of("drm_virtgpu_resource_create_blob", 48,
            u32("blob_mem", 0), u32("blob_flags", 4), u32("bo_handle", 8), u32("res_handle", 12), u64("size", 16),
            u32("pad", 24), u32("cmd_size", 28), u64("cmd", 32), u64("blob_id", 40));
    static final Struct VIRTGPU_CONTEXT_INIT = Struct.of("drm_virtgpu_context_init", 16, u32("num_params", 0),
            u32("pad", 4), u64("ctx_set_params", 8));

    /* include/uapi/drm/qxl_drm.h, alike on every era and in libdrm-dev. */
    static final Struct QXL_ALLOC = Struct.of("drm_qxl_alloc", 8, u32("size", 0), u32("handle", 4));
    static final Struct QXL_MAP = Struct.of("drm_qxl_map", 16, u64("offset", 0), u32("handle", 8), u32("pad", 12));
    /** Unlike virtio-gpu's, {@code value} is the parameter's value itself, which the kernel writes into the struct. */
    static final Struct QXL_GETPARAM = Struct.of("drm_qxl_getparam", 16, u64("param", 0), u64("value", 8));

    /* include/uapi/drm/radeon_drm.h, alike on every era and in libdrm-dev. */
    static final Struct RADEON_GEM_INFO = Struct.of("drm_radeon_gem_info", 24, u64("gart_size", 0),
            u64("vram_size", 8), u64("vram_visible", 16));
    static final Struct RADEON_GEM_CREATE = Struct.of("drm_radeon_gem_create", 32, u64("size", 0),
            u64("alignment", 8), u32("handle", 16), u32("initial_domain", 20), u32("flags", 24));
    static final Struct RADEON_GEM_MMAP = Struct.of("drm_radeon_gem_mmap", 32, u32("handle", 0), u32("pad", 4),
            u64("offset", 8), u64("size", 16), u64("addr_ptr", 24));
    static final Struct RADEON_GEM_USERPTR = Struct.of("drm_radeon_gem_userptr", 24, u64("addr", 0), u64("size", 8),
            u32("flags", 16), u32("handle", 20));

    static final IoctlCode VERSION = readWrite("DRM_IOCTL_VERSION", DRM, 0x00, DRM_VERSION);
    static final IoctlCode GET_MAGIC = read("DRM_IOCTL_GET_MAGIC", DRM, 0x02, DRM_AUTH);
    static final IoctlCode GET_CAP = readWrite("DRM_IOCTL_GET_CAP", DRM, 0x0c, DRM_GET_CAP);
    static final IoctlCode GEM_CLOSE = write("DRM_IOCTL_GEM_CLOSE", DRM, 0x09, DRM_GEM_CLOSE);
    static final IoctlCode GEM_FLINK = readWrite("DRM_IOCTL_GEM_FLINK", DRM, 0x0a, DRM_GEM_FLINK);
    static final IoctlCode GEM_OPEN = readWrite("DRM_IOCTL_GEM_OPEN", DRM, 0x0b, DRM_GEM_OPEN);
    static final IoctlCode AUTH_MAGIC = write("DRM_IOCTL_AUTH_MAGIC", DRM, 0x11, DRM_AUTH);
    static final IoctlCode PRIME_HANDLE_TO_FD = readWrite("DRM_IOCTL_PRIME_HANDLE_TO_FD", DRM, 0x2d, DRM_PRIME_HANDLE);
    static final IoctlCode PRIME_FD_TO_HANDLE = readWrite("DRM_IOCTL_PRIME_FD_TO_HANDLE", DRM, 0x2e, DRM_PRIME_HANDLE);
    static final IoctlCode MODE_CREATE_DUMB = readWrite("DRM_IOCTL_MODE_CREATE_DUMB", DRM, 0xB2, DRM_MODE_CREATE_DUMB);
    static final IoctlCode MODE_MAP_DUMB = readWrite("DRM_IOCTL_MODE_MAP_DUMB", DRM, 0xB3, DRM_MODE_MAP_DUMB);
    static final IoctlCode MODE_DESTROY_DUMB = readWrite("DRM_IOCTL_MODE_DESTROY_DUMB", DRM, 0xB4,
            DRM_MODE_DESTROY_DUMB);
    static final IoctlCode DMA_BUF_IOCTL_SYNC = write("DMA_BUF_IOCTL_SYNC", DMA_BUF, 0, DMA_BUF_SYNC);
    static final IoctlCode UDMABUF_CREATE_IOCTL = write("UDMABUF_CREATE", UDMABUF, 0x42, UDMABUF_CREATE);
    /* The size in the request is the header's (8): the items are not part of the struct. */
    static final IoctlCode UDMABUF_CREATE_LIST_IOCTL = write("UDMABUF_CREATE_LIST", UDMABUF, 0x43,
            UDMABUF_CREATE_LIST);
    static final IoctlCode DMA_HEAP_IOCTL_ALLOC = readWrite("DMA_HEAP_IOCTL_ALLOC", DMA_HEAP, 0x0,
            DMA_HEAP_ALLOCATION_DATA);
    /* i915: DRM_COMMAND_BASE (0x40) + DRM_I915_GEM_*; MMAP_GTT and MMAP_OFFSET share a number, not a size. */
    static final IoctlCode I915_GEM_CREATE_IOCTL = readWrite("DRM_IOCTL_I915_GEM_CREATE", DRM, 0x40 + 0x1b,
            I915_GEM_CREATE);
    static final IoctlCode I915_GEM_PREAD_IOCTL = write("DRM_IOCTL_I915_GEM_PREAD", DRM, 0x40 + 0x1c, I915_GEM_PREAD);
    static final IoctlCode I915_GEM_PWRITE_IOCTL = write("DRM_IOCTL_I915_GEM_PWRITE", DRM, 0x40 + 0x1d,
            I915_GEM_PWRITE);
    static final IoctlCode I915_GEM_MMAP_IOCTL = readWrite("DRM_IOCTL_I915_GEM_MMAP", DRM, 0x40 + 0x1e, I915_GEM_MMAP);
    static final IoctlCode I915_GEM_SET_DOMAIN_IOCTL = write("DRM_IOCTL_I915_GEM_SET_DOMAIN", DRM, 0x40 + 0x1f,
            I915_GEM_SET_DOMAIN);
    static final IoctlCode I915_GEM_MMAP_GTT_IOCTL = readWrite("DRM_IOCTL_I915_GEM_MMAP_GTT", DRM, 0x40 + 0x24,
            I915_GEM_MMAP_GTT);
    static final IoctlCode I915_GEM_MMAP_OFFSET_IOCTL = readWrite("DRM_IOCTL_I915_GEM_MMAP_OFFSET", DRM, 0x40 + 0x24,
            I915_GEM_MMAP_OFFSET);
    static final IoctlCode I915_GEM_USERPTR_IOCTL = readWrite("DRM_IOCTL_I915_GEM_USERPTR", DRM, 0x40 + 0x33,
            I915_GEM_USERPTR);

    /* vgem: DRM_COMMAND_BASE (0x40) + DRM_VGEM_FENCE_ATTACH (0x1) and DRM_VGEM_FENCE_SIGNAL (0x2). */
    static final IoctlCode VGEM_FENCE_ATTACH_IOCTL = readWrite("DRM_IOCTL_VGEM_FENCE_ATTACH", DRM, 0x40 + 0x01,
            VGEM_FENCE_ATTACH);
    static final IoctlCode VGEM_FENCE_SIGNAL_IOCTL = write("DRM_IOCTL_VGEM_FENCE_SIGNAL", DRM, 0x40 + 0x02,
            VGEM_FENCE_SIGNAL);

    /* virtio-gpu: DRM_COMMAND_BASE (0x40) + DRM_VIRTGPU_*, all DRM_IOWR. */
    static final IoctlCode VIRTGPU_MAP_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_MAP", DRM, 0x40 + 0x01, VIRTGPU_MAP);
    static final IoctlCode VIRTGPU_EXECBUFFER_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_EXECBUFFER", DRM, 0x40 + 0x02,
            VIRTGPU_EXECBUFFER);
    static final IoctlCode VIRTGPU_GETPARAM_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_GETPARAM", DRM, 0x40 + 0x03,
            VIRTGPU_GETPARAM);
    static final IoctlCode VIRTGPU_RESOURCE_CREATE_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_RESOURCE_CREATE", DRM,
            0x40 + 0x04, VIRTGPU_RESOURCE_CREATE);
    static final IoctlCode VIRTGPU_RESOURCE_INFO_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_RESOURCE_INFO", DRM,
            0x40 + 0x05, VIRTGPU_RESOURCE_INFO);
    static final IoctlCode VIRTGPU_TRANSFER_FROM_HOST_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_TRANSFER_FROM_HOST", DRM,
            0x40 + 0x06, VIRTGPU_TRANSFER_FROM_HOST);
    static final IoctlCode VIRTGPU_TRANSFER_TO_HOST_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_TRANSFER_TO_HOST", DRM,
            0x40 + 0x07, VIRTGPU_TRANSFER_TO_HOST);
    static final IoctlCode VIRTGPU_WAIT_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_WAIT", DRM, 0x40 + 0x08, VIRTGPU_3D_WAIT);
    static final IoctlCode VIRTGPU_GET_CAPS_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_GET_CAPS", DRM, 0x40 + 0x09,
            VIRTGPU_GET_CAPS);
    static final IoctlCode VIRTGPU_RESOURCE_CREATE_BLOB_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_RESOURCE_CREATE_BLOB",
            DRM, 0x40 + 0x0a, VIRTGPU_RESOURCE_CREATE_BLOB);
    static final IoctlCode VIRTGPU_CONTEXT_INIT_IOCTL = readWrite("DRM_IOCTL_VIRTGPU_CONTEXT_INIT", DRM, 0x40 + 0x0b,
            VIRTGPU_CONTEXT_INIT);

    /* qxl: DRM_COMMAND_BASE (0x40) + DRM_QXL_ALLOC (0x00), MAP (0x01) and GETPARAM (0x04), all DRM_IOWR. */
    static final IoctlCode QXL_ALLOC_IOCTL = readWrite("DRM_IOCTL_QXL_ALLOC", DRM, 0x40 + 0x00, QXL_ALLOC);
    static final IoctlCode QXL_MAP_IOCTL = readWrite("DRM_IOCTL_QXL_MAP", DRM, 0x40 + 0x01, QXL_MAP);
    static final IoctlCode QXL_GETPARAM_IOCTL = readWrite("DRM_IOCTL_QXL_GETPARAM", DRM, 0x40 + 0x04, QXL_GETPARAM);

    /*
     * radeon: DRM_COMMAND_BASE (0x40) + DRM_RADEON_GEM_INFO (0x1c), GEM_CREATE (0x1d), GEM_MMAP (0x1e)
     * and GEM_USERPTR (0x2d), all DRM_IOWR.
     */
    static final IoctlCode RADEON_GEM_INFO_IOCTL = readWrite("DRM_IOCTL_RADEON_GEM_INFO", DRM, 0x40 + 0x1c,
            RADEON_GEM_INFO);
    static final IoctlCode RADEON_GEM_CREATE_IOCTL = readWrite("DRM_IOCTL_RADEON_GEM_CREATE", DRM, 0x40 + 0x1d,
            RADEON_GEM_CREATE);
    static final IoctlCode RADEON_GEM_MMAP_IOCTL = readWrite("DRM_IOCTL_RADEON_GEM_MMAP", DRM, 0x40 + 0x1e,
            RADEON_GEM_MMAP);
    static final IoctlCode RADEON_GEM_USERPTR_IOCTL = readWrite("DRM_IOCTL_RADEON_GEM_USERPTR", DRM, 0x40 + 0x2d,
            RADEON_GEM_USERPTR);

    /** The virtio-gpu ioctls, for AbiTest's check against a copy of 6.12's virtgpu_drm.h (libdrm-dev's is older). */
    static final List<IoctlCode> VIRTGPU_IOCTLS = List.of(VIRTGPU_MAP_IOCTL, VIRTGPU_EXECBUFFER_IOCTL,
            VIRTGPU_GETPARAM_IOCTL, VIRTGPU_RESOURCE_CREATE_IOCTL, VIRTGPU_RESOURCE_INFO_IOCTL,
            VIRTGPU_TRANSFER_FROM_HOST_IOCTL, VIRTGPU_TRANSFER_TO_HOST_IOCTL, VIRTGPU_WAIT_IOCTL,
            VIRTGPU_GET_CAPS_IOCTL, VIRTGPU_RESOURCE_CREATE_BLOB_IOCTL, VIRTGPU_CONTEXT_INIT_IOCTL);

    /**
     * The vgem ioctls, which the header check cannot see (libdrm-dev has no vgem_drm.h); AbiTest
     * compares their numbers with the ones vgem_drm.h defines, written out.
     */
    static final List<IoctlCode> VGEM_IOCTLS = List.of(VGEM_FENCE_ATTACH_IOCTL, VGEM_FENCE_SIGNAL_IOCTL);

    /** Every ioctl above but vgem's and virtio-gpu's, for the check against the headers. */
    static final List<IoctlCode> IOCTLS = List.of(VERSION, GET_MAGIC, GET_CAP, GEM_CLOSE, GEM_FLINK, GEM_OPEN, AUTH_MAGIC,
            PRIME_HANDLE_TO_FD, PRIME_FD_TO_HANDLE, MODE_CREATE_DUMB, MODE_MAP_DUMB, MODE_DESTROY_DUMB,
            DMA_BUF_IOCTL_SYNC, UDMABUF_CREATE_IOCTL, UDMABUF_CREATE_LIST_IOCTL, DMA_HEAP_IOCTL_ALLOC,
            I915_GEM_CREATE_IOCTL, I915_GEM_PREAD_IOCTL, I915_GEM_PWRITE_IOCTL, I915_GEM_MMAP_IOCTL,
            I915_GEM_SET_DOMAIN_IOCTL, I915_GEM_MMAP_GTT_IOCTL, I915_GEM_MMAP_OFFSET_IOCTL, I915_GEM_USERPTR_IOCTL,
            QXL_ALLOC_IOCTL, QXL_MAP_IOCTL, QXL_GETPARAM_IOCTL, RADEON_GEM_INFO_IOCTL, RADEON_GEM_CREATE_IOCTL,
            RADEON_GEM_MMAP_IOCTL, RADEON_GEM_USERPTR_IOCTL);

    /** Structs no ioctl names as its argument but that travel inside one's, for the check against the headers. */
    static final List<Struct> ELEMENTS = List.of(UDMABUF_CREATE_ITEM);

    private Abi() {
    }

    /** Both transfers: the object, the box inline, the mip level, the offset, and a 3D resource's strides. */
    private static Struct transfer(String name) {
        return Struct.of(name, 44, u32("bo_handle", 0), u32("box.x", 4), u32("box.y", 8), u32("box.z", 12),
                u32("box.w", 16), u32("box.h", 20), u32("box.d", 24), u32("level", 28), u32("offset", 32),
                u32("stride", 36), u32("layer_stride", 40));
    }

    /** {@code _IOC(dir, type, nr, size)} of {@code include/uapi/asm-generic/ioctl.h}. */
    static long request(int direction, char type, int number, int size) {
        return (long) direction << 30 | (long) size << 16 | (long) type << 8 | number;
    }

    private static IoctlCode read(String name, char type, int number, Struct struct) {
        return new IoctlCode(name, request(IOC_READ, type, number, struct.size()), struct);
    }

    private static IoctlCode write(String name, char type, int number, Struct struct) {
        return new IoctlCode(name, request(IOC_WRITE, type, number, struct.size()), struct);
    }

    private static IoctlCode readWrite(String name, char type, int number, Struct struct) {
        return new IoctlCode(name, request(IOC_READ | IOC_WRITE, type, number, struct.size()), struct);
    }
}
