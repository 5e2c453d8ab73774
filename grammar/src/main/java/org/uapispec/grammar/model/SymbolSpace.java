package org.uapispec.grammar.model;

import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Memfd;
import org.uapispec.api.Mman;
import org.uapispec.api.QxlIoctl;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.api.VgemIoctl;
import org.uapispec.api.VirtioGpuIoctl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Named constants, looked up in the space of the parameter they are passed to: {@code gtt} is
 * {@code I915_GEM_DOMAIN_GTT} (0x40) as a {@code set_domain} domain but {@code I915_MMAP_OFFSET_GTT}
 * (0) as an {@code mmap_offset} type. Values are the api's constants ({@link Mman}, {@link DrmIoctl},
 * {@link I915Ioctl}, {@link DmaBufIoctl}), the Linux ones.
 */
public enum SymbolSpace {
    /** Only the global constants. */
    NONE("a constant here", Map.of()),
    PROT("a prot constant", ordered("none", Mman.PROT_NONE, "r", Mman.PROT_READ, "w", Mman.PROT_WRITE,
            "x", Mman.PROT_EXEC, "rw", Mman.PROT_READ | Mman.PROT_WRITE,
            "rwx", Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC,
            "READ", Mman.PROT_READ, "WRITE", Mman.PROT_WRITE, "EXEC", Mman.PROT_EXEC)),
    MAP("an mmap flag", ordered("shared", Mman.MAP_SHARED, "private", Mman.MAP_PRIVATE, "fixed", Mman.MAP_FIXED,
            "anonymous", Mman.MAP_ANONYMOUS, "fixed_noreplace", Mman.MAP_FIXED_NOREPLACE)),
    USERPTR("a userptr flag", ordered("READ_ONLY", I915Ioctl.USERPTR_READ_ONLY, "PROBE", I915Ioctl.USERPTR_PROBE,
            "GPU_MIRROR", I915Ioctl.USERPTR_GPU_MIRROR,
            "UNSYNCHRONIZED", Integer.toUnsignedLong(I915Ioctl.USERPTR_UNSYNCHRONIZED))),
    PRIME("a prime flag", ordered("CLOEXEC", DrmIoctl.DRM_CLOEXEC, "RDWR", DrmIoctl.DRM_RDWR)),
    DOMAIN("a domain", ordered("cpu", I915Ioctl.DOMAIN_CPU, "gtt", I915Ioctl.DOMAIN_GTT, "wc", I915Ioctl.DOMAIN_WC)),
    MMAP_TYPE("an mmap_offset type", ordered("gtt", I915Ioctl.MmapType.GTT.flags(), "wc", I915Ioctl.MmapType.WC.flags(),
            "wb", I915Ioctl.MmapType.WB.flags(), "uc", I915Ioctl.MmapType.UC.flags(),
            "fixed", I915Ioctl.MmapType.FIXED.flags())),
    GEM_MMAP("an mmap flag", ordered("WC", I915Ioctl.MMAP_WC)),
    CAP("a capability", ordered("DUMB_BUFFER", DrmIoctl.CAP_DUMB_BUFFER, "VBLANK_HIGH_CRTC",
            DrmIoctl.CAP_VBLANK_HIGH_CRTC, "DUMB_PREFERRED_DEPTH", DrmIoctl.CAP_DUMB_PREFERRED_DEPTH,
            "DUMB_PREFER_SHADOW", DrmIoctl.CAP_DUMB_PREFER_SHADOW, "PRIME", DrmIoctl.CAP_PRIME,
            "TIMESTAMP_MONOTONIC", DrmIoctl.CAP_TIMESTAMP_MONOTONIC, "ASYNC_PAGE_FLIP", DrmIoctl.CAP_ASYNC_PAGE_FLIP,
            "CURSOR_WIDTH", DrmIoctl.CAP_CURSOR_WIDTH, "CURSOR_HEIGHT", DrmIoctl.CAP_CURSOR_HEIGHT,
            "ADDFB2_MODIFIERS", DrmIoctl.CAP_ADDFB2_MODIFIERS, "PAGE_FLIP_TARGET", DrmIoctl.CAP_PAGE_FLIP_TARGET,
            "CRTC_IN_VBLANK_EVENT", DrmIoctl.CAP_CRTC_IN_VBLANK_EVENT, "SYNCOBJ", DrmIoctl.CAP_SYNCOBJ,
            "SYNCOBJ_TIMELINE", DrmIoctl.CAP_SYNCOBJ_TIMELINE)),
    POLL("a poll event", ordered("IN", Mman.POLLIN, "PRI", Mman.POLLPRI, "OUT", Mman.POLLOUT, "ERR", Mman.POLLERR,
            "HUP", Mman.POLLHUP, "NVAL", Mman.POLLNVAL)),
    FENCE("a vgem fence flag", ordered("WRITE", VgemIoctl.FENCE_WRITE)),
    // VIRTGPU_PARAM_3D_FEATURES is FEATURES_3D: a name may not start with a digit.
    VIRTGPU_PARAM("a virtio-gpu param", ordered("FEATURES_3D", VirtioGpuIoctl.PARAM_3D_FEATURES,
            "CAPSET_QUERY_FIX", VirtioGpuIoctl.PARAM_CAPSET_QUERY_FIX, "RESOURCE_BLOB", VirtioGpuIoctl.PARAM_RESOURCE_BLOB,
            "HOST_VISIBLE", VirtioGpuIoctl.PARAM_HOST_VISIBLE, "CROSS_DEVICE", VirtioGpuIoctl.PARAM_CROSS_DEVICE,
            "CONTEXT_INIT", VirtioGpuIoctl.PARAM_CONTEXT_INIT,
            "SUPPORTED_CAPSET_IDS", VirtioGpuIoctl.PARAM_SUPPORTED_CAPSET_IDS,
            "EXPLICIT_DEBUG_NAME", VirtioGpuIoctl.PARAM_EXPLICIT_DEBUG_NAME,
            "BLOB_ALIGNMENT", VirtioGpuIoctl.PARAM_BLOB_ALIGNMENT)),
    VIRTGPU_WAIT("a virtio-gpu wait flag", ordered("NOWAIT", VirtioGpuIoctl.WAIT_NOWAIT)),
    QXL_PARAM("a qxl param", ordered("NUM_SURFACES", QxlIoctl.PARAM_NUM_SURFACES, "MAX_RELOCS",
            QxlIoctl.PARAM_MAX_RELOCS)),
    RADEON_DOMAIN("a radeon memory domain", ordered("CPU", RadeonIoctl.DOMAIN_CPU, "GTT", RadeonIoctl.DOMAIN_GTT,
            "VRAM", RadeonIoctl.DOMAIN_VRAM)),
    RADEON_USERPTR("a radeon userptr flag", ordered("READONLY", RadeonIoctl.USERPTR_READONLY, "ANONONLY",
            RadeonIoctl.USERPTR_ANONONLY, "VALIDATE", RadeonIoctl.USERPTR_VALIDATE, "REGISTER",
            RadeonIoctl.USERPTR_REGISTER)),
    SYNC("a dma-buf sync flag", ordered("READ", DmaBufIoctl.SYNC_READ, "WRITE", DmaBufIoctl.SYNC_WRITE,
            "RW", DmaBufIoctl.SYNC_RW, "START", DmaBufIoctl.SYNC_START, "END", DmaBufIoctl.SYNC_END)),
    MEMFD("a memfd flag", ordered("CLOEXEC", Memfd.MFD_CLOEXEC, "ALLOW_SEALING", Memfd.MFD_ALLOW_SEALING,
            "HUGETLB", Memfd.MFD_HUGETLB, "NOEXEC_SEAL", Memfd.MFD_NOEXEC_SEAL, "EXEC", Memfd.MFD_EXEC)),
    SEAL("a seal", ordered("SEAL", Memfd.F_SEAL_SEAL, "SHRINK", Memfd.F_SEAL_SHRINK, "GROW", Memfd.F_SEAL_GROW,
            "WRITE", Memfd.F_SEAL_WRITE, "FUTURE_WRITE", Memfd.F_SEAL_FUTURE_WRITE, "EXEC", Memfd.F_SEAL_EXEC)),
    UDMABUF("a udmabuf flag", ordered("CLOEXEC", UdmabufIoctl.FLAGS_CLOEXEC)),
    HEAP_FD("a dma-heap fd flag", ordered("RDWR", DmaHeapIoctl.O_RDWR, "CLOEXEC", DmaHeapIoctl.O_CLOEXEC)),
    WHENCE("a whence constant", ordered("SET", Mman.SEEK_SET, "CUR", Mman.SEEK_CUR, "END", Mman.SEEK_END)),
    // Not a kernel value: how the language names the nodes: a DRM device's card0 or renderD128, and
    // the two dma-buf providers that are not DRM devices (/dev/udmabuf, /dev/dma_heap/system).
    NODE("a node kind", ordered("card", 0, "render", 1, "udmabuf", 2, "system_heap", 3));

    /** Constants valid everywhere an int is. */
    public static final Map<String, Long> GLOBALS = Map.of("PAGE", Mman.PAGE_SIZE);

    private final String description;
    private final Map<String, Long> symbols;

    SymbolSpace(String description, Map<String, Long> symbols) {
        this.description = description;
        this.symbols = symbols;
    }

    /** What its constants are, for messages: {@code a prot constant}. */
    public String description() {
        return description;
    }

    /** Whether some space defines {@code name}: then using it elsewhere is a misplaced constant. */
    public static boolean anyDefines(String name) {
        return java.util.Arrays.stream(values()).anyMatch(s -> s.symbols.containsKey(name));
    }

    /** The symbols of this space in declaration order. */
    public Map<String, Long> symbols() {
        return symbols;
    }

    /** The value of {@code name} here or among the globals. */
    public Optional<Long> lookup(String name) {
        Long value = symbols.containsKey(name) ? symbols.get(name) : GLOBALS.get(name);
        return Optional.ofNullable(value);
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
