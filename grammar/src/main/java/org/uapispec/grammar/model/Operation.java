package org.uapispec.grammar.model;

import static org.uapispec.grammar.model.Params.opt;
import static org.uapispec.grammar.model.Params.req;
import static org.uapispec.grammar.model.ValueType.ADDR;
import static org.uapispec.grammar.model.ValueType.BOOL;
import static org.uapispec.grammar.model.ValueType.BYTES;
import static org.uapispec.grammar.model.ValueType.DMABUF;
import static org.uapispec.grammar.model.ValueType.FILE;
import static org.uapispec.grammar.model.ValueType.FLINK_NAME;
import static org.uapispec.grammar.model.ValueType.HANDLE;
import static org.uapispec.grammar.model.ValueType.HANDLE_LIST;
import static org.uapispec.grammar.model.ValueType.INT;
import static org.uapispec.grammar.model.ValueType.INT_LIST;
import static org.uapispec.grammar.model.ValueType.MAGIC;
import static org.uapispec.grammar.model.ValueType.MEMFD;
import static org.uapispec.grammar.model.ValueType.MEMFD_LIST;
import static org.uapispec.grammar.model.ValueType.OFFSET;
import static org.uapispec.grammar.model.ValueType.PROCESS;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.Fd;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.QxlIoctl;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.api.VgemIoctl;
import org.uapispec.api.VirtioGpuIoctl;

/**
 * The call table: every call a spec can make, one to one with a method or ioctl of the backend
 * interface ({@link Backend}). Each entry's {@link CallBinding} builds the api's request from the
 * step's arguments, in code the compiler checks against the api, so a new ioctl is a new entry
 * here beside its record and its handler method. The checker validates calls against this table
 * and the engine runs them through {@link #call}.
 *
 * <p>A call whose first parameter is not a process runs in the process that owns its first
 * argument (the process that opened the file); the extra argument {@code by: p} runs it in another
 * process instead, e.g. a forked child that inherited the fd.
 */
public enum Operation {
    SPAWN("spawn", PROCESS, Map.of(), null,
            s -> s.backend().spawn(new Credentials(s.uid("uid"), s.bool("admin"))).map(CallResult::of),
            opt("uid", 1000), opt("admin", BOOL, new Value.Bool(false))),
    FORK("fork", PROCESS, Map.of(), null, s -> {
        Pid parent = s.pid("process");
        return s.backend().fork(parent).map(child -> {
            s.forked(parent, child);
            return CallResult.of(child);
        });
    }, req("process", PROCESS)),
    EXIT("exit", null, Map.of(), "process", s -> {
        Pid pid = s.pid("process");
        return s.backend().exit(pid).map(v -> {
            s.exited(pid);
            return CallResult.NOTHING;
        });
    }, req("process", PROCESS)),
    // The device number is part of a path (/dev/dri/cardN): every value names a node. The udmabuf and
    // system_heap nodes are no DRM device's, and the device number is not read for them.
    OPEN("open", FILE, Map.of(), null, s -> {
        Pid pid = s.pid("process");
        long kind = s.num("node");
        Outcome<Fd> opened = kind == Operation.NODE_UDMABUF ? s.backend().open(pid, MiscDevice.UDMABUF)
                : kind == Operation.NODE_SYSTEM_HEAP ? s.backend().open(pid, MiscDevice.SYSTEM_HEAP)
                : s.backend().open(pid, new Node(s.num("device"), kind == 1 ? Node.Kind.RENDER : Node.Kind.CARD));
        return opened.map(fd -> CallResult.of(s.opened(pid, fd)));
    }, req("process", PROCESS), opt("node", SymbolSpace.NODE, "card"), opt("device", 0)),
    CLOSE("close", null, Map.of(), "fd",
            s -> s.backend().close(s.actor(), s.fd("fd")).map(CallResult::nothing),
            req("fd", FILE, DMABUF, MEMFD)),
    // memfd_create: the memory a udmabuf is made of (UDMABUF-SEALS, 105); name is its /proc name.
    MEMFD_CREATE("memfd_create", MEMFD, Map.of(), null, s -> {
        Pid pid = s.pid("process");
        return s.backend().memfdCreate(pid, new String(s.bytes("name").toArray(), java.nio.charset.StandardCharsets.UTF_8),
                s.uint("flags"))
                .map(fd -> CallResult.of(s.opened(pid, fd)));
    }, req("process", PROCESS), opt("name", BYTES, new Value.ByteString(Bytes.ofUtf8("uapispec"))),
            opt("flags", SymbolSpace.MEMFD, 0)),
    FTRUNCATE("ftruncate", null, Map.of(), null,
            s -> s.backend().ftruncate(s.actor(), s.fd("fd"), s.num("len")).map(CallResult::nothing),
            req("fd", MEMFD, FILE, DMABUF), req("len", INT)),
    // fcntl F_ADD_SEALS and F_GET_SEALS.
    ADD_SEALS("add_seals", null, Map.of(), null,
            s -> s.backend().addSeals(s.actor(), s.fd("fd"), s.uint("seals")).map(CallResult::nothing),
            req("fd", MEMFD, FILE, DMABUF), req("seals", SymbolSpace.SEAL)),
    GET_SEALS("get_seals", INT, Map.of(), null,
            s -> s.backend().getSeals(s.actor(), s.fd("fd")).map(v -> CallResult.of(Integer.toUnsignedLong(v))),
            req("fd", MEMFD, FILE, DMABUF)),
    MMAP("mmap", ADDR, Map.of(), null,
            s -> s.backend().mmap(s.pid("process"), new MmapRequest(s.num("addr"), s.num("len"), s.num("prot"),
                    s.num("flags"), s.fd("fd"), s.num("offset"))).map(CallResult::of),
            req("process", PROCESS), req("len", INT), req("prot", SymbolSpace.PROT), req("flags", SymbolSpace.MAP),
            opt("addr", ADDR, new Value.Int(0, "0", ADDR)),
            new Param("fd", List.of(FILE, DMABUF, MEMFD, ValueType.NONE), SymbolSpace.NONE, new Value.None()),
            opt("offset", OFFSET, new Value.Int(0, "0", OFFSET))),
    MUNMAP("munmap", null, Map.of(), null,
            s -> s.backend().munmap(s.pid("process"), s.num("addr"), s.num("len")).map(CallResult::nothing),
            req("process", PROCESS), req("addr", ADDR), req("len", INT)),
    MPROTECT("mprotect", null, Map.of(), null,
            s -> s.backend().mprotect(s.pid("process"), s.num("addr"), s.num("len"), s.num("prot"))
                    .map(CallResult::nothing),
            req("process", PROCESS), req("addr", ADDR), req("len", INT), req("prot", SymbolSpace.PROT)),
    READ("read", BYTES, Map.of(), null,
            s -> s.backend().read(s.pid("process"), s.num("addr"), s.num("len")).map(Operation::bytes),
            req("process", PROCESS), req("addr", ADDR), req("len", INT)),
    WRITE("write", null, Map.of(), null,
            s -> s.backend().write(s.pid("process"), s.num("addr"), s.bytes("data").toArray()).map(CallResult::nothing),
            req("process", PROCESS), req("addr", ADDR), req("data", BYTES)),
    // poll(2) with a timeout of 0: the events ready now; a dma-buf's follow its fences.
    POLL("poll", INT, Map.of(), null,
            s -> s.backend().poll(s.actor(), s.fd("fd"), s.uint("events")).map(r -> CallResult.of((long) r)),
            req("fd", FILE, DMABUF), req("events", SymbolSpace.POLL)),
    // dma-bufs answer SEEK_END with their size (DMABUF-LLSEEK, 97).
    LSEEK("lseek", INT, Map.of(), null,
            s -> s.backend().lseek(s.actor(), s.fd("dmabuf"), s.num("offset"), s.uint("whence")).map(CallResult::of),
            req("dmabuf", DMABUF), req("offset", INT), req("whence", SymbolSpace.WHENCE)),

    // The ioctls: every entry from here on is one (isIoctl).
    // pad is not checked by the kernel (catalogue CLOSE-PAD-IGNORED, 11).
    GEM_CLOSE("gem_close", null, Map.of(), "handle",
            s -> s.ioctl("file", new DrmIoctl.GemClose(s.handle("handle"), s.u32("pad"))).map(CallResult::nothing),
            req("file", FILE), req("handle", HANDLE), opt("pad", 0)),
    GEM_FLINK("gem_flink", FLINK_NAME, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.GemFlink(s.handle("handle"))).map(CallResult::of),
            req("file", FILE), req("handle", HANDLE)),
    GEM_OPEN("gem_open", HANDLE, Map.of("size", INT), null,
            s -> s.ioctl("file", new DrmIoctl.GemOpen(s.flinkName("name")))
                    .map(r -> new CallResult(r.handle(), Map.of("size", r.size()))),
            req("file", FILE), req("name", FLINK_NAME)),
    GET_MAGIC("get_magic", MAGIC, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.GetMagic()).map(CallResult::of), req("file", FILE)),
    // drm_version: the driver's DRIVER_NAME (the result), DRIVER_DESC and numbers; not its date.
    VERSION("version", BYTES, Map.of("desc", BYTES, "major", INT, "minor", INT, "patchlevel", INT), null,
            s -> s.ioctl("file", new DrmIoctl.Version()).map(v -> new CallResult(Bytes.ofUtf8(v.name()),
                    Map.of("desc", Bytes.ofUtf8(v.desc()), "major", (long) v.major(), "minor", (long) v.minor(),
                            "patchlevel", (long) v.patchlevel()))),
            req("file", FILE)),
    // drm_getcap: the render-only caps first, EOPNOTSUPP for the others on a driver without KMS.
    GET_CAP("get_cap", INT, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.GetCap(s.num("capability"))).map(CallResult::of),
            req("file", FILE), req("capability", SymbolSpace.CAP)),
    AUTH_MAGIC("auth_magic", null, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.AuthMagic(s.magic("magic"))).map(CallResult::nothing),
            req("file", FILE), req("magic", MAGIC)),
    DUMB_CREATE("dumb_create", HANDLE, Map.of("pitch", INT, "size", INT), null,
            s -> s.ioctl("file", new DrmIoctl.ModeCreateDumb(s.u32("height"), s.u32("width"), s.u32("bpp"),
                    s.u32("flags"))).map(r -> new CallResult(r.handle(),
                            Map.of("pitch", Integer.toUnsignedLong(r.pitch()), "size", r.size()))),
            req("file", FILE), req("width", INT), req("height", INT), req("bpp", INT), opt("flags", 0)),
    // pad is not checked either (drm_mode_mmap_dumb_ioctl reads the handle and writes the offset).
    DUMB_MAP("dumb_map", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.ModeMapDumb(s.handle("handle"), s.u32("pad")))
                    .map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE), opt("pad", 0)),
    DUMB_DESTROY("dumb_destroy", null, Map.of(), "handle",
            s -> s.ioctl("file", new DrmIoctl.ModeDestroyDumb(s.handle("handle"))).map(CallResult::nothing),
            req("file", FILE), req("handle", HANDLE)),
    PRIME_EXPORT("prime_export", DMABUF, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.PrimeHandleToFd(s.handle("handle"), s.u32("flags")))
                    .map(fd -> CallResult.of(s.opened(s.actor(), fd))),
            req("file", FILE), req("handle", HANDLE), opt("flags", SymbolSpace.PRIME, 0)),
    PRIME_IMPORT("prime_import", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new DrmIoctl.PrimeFdToHandle(s.fd("dmabuf"))).map(CallResult::of),
            req("file", FILE), req("dmabuf", DMABUF)),

    GEM_CREATE("gem_create", HANDLE, Map.of("size", INT), null,
            s -> s.ioctl("file", new I915Ioctl.GemCreate(s.num("size")))
                    .map(r -> new CallResult(r.handle(), Map.of("size", r.size()))),
            req("file", FILE), req("size", INT)),
    PREAD("pread", BYTES, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemPread(s.handle("handle"), s.num("offset"), s.num("size")))
                    .map(Operation::bytes),
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("size", INT)),
    PWRITE("pwrite", null, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemPwrite(s.handle("handle"), s.num("offset"),
                    s.bytes("data").toArray())).map(CallResult::nothing),
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("data", BYTES)),
    // The cheap probe mesa uses on userptr objects (USERPTR-LAZY, 35).
    SET_DOMAIN("set_domain", null, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemSetDomain(s.handle("handle"), s.u32("read"), s.u32("write")))
                    .map(CallResult::nothing),
            req("file", FILE), req("handle", HANDLE), opt("read", SymbolSpace.DOMAIN, "cpu"),
            opt("write", SymbolSpace.DOMAIN, 0)),
    // The first GPU use: where lazily pinned userptr pages are resolved (USERPTR-LAZY, 35).
    EXECBUF("execbuf", null, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemExecbuffer(s.handles("objects"))).map(CallResult::nothing),
            req("file", FILE), req("objects", HANDLE_LIST)),
    // ctx is the 2014 seed's context field; flags outside READ_ONLY|UNSYNCHRONIZED|PROBE are EINVAL (28).
    USERPTR("userptr", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemUserptr(s.num("ptr"), s.num("size"), s.u32("flags"),
                    s.u32("ctx"))).map(CallResult::of),
            req("file", FILE), req("ptr", ADDR), req("size", INT), opt("flags", SymbolSpace.USERPTR, 0), opt("ctx", 0)),
    MMAP_GTT("mmap_gtt", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemMmapGtt(s.handle("handle"))).map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE)),
    // type takes the mmap-type names or any raw int (MMOFF-BAD-FLAGS, 59); pad is not validated (61).
    MMAP_OFFSET("mmap_offset", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemMmapOffset(s.handle("handle"), s.num("type"), s.num("extensions"),
                    s.u32("pad"))).map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE), req("type", SymbolSpace.MMAP_TYPE), opt("extensions", 0),
            opt("pad", 0)),
    GEM_MMAP("gem_mmap", ADDR, Map.of(), null,
            s -> s.ioctl("file", new I915Ioctl.GemMmap(s.handle("handle"), s.num("offset"), s.num("size"),
                    s.num("flags"))).map(CallResult::of),
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("size", INT),
            opt("flags", SymbolSpace.GEM_MMAP, 0)),

    // vgem's fences (vgem_fence.c): flags other than WRITE and a non-zero pad are EINVAL.
    VGEM_FENCE_ATTACH("vgem_fence_attach", INT, Map.of(), null,
            s -> s.ioctl("file", new VgemIoctl.FenceAttach(s.handle("handle"), s.u32("flags"), s.u32("pad")))
                    .map(id -> CallResult.of(Integer.toUnsignedLong(id))),
            req("file", FILE), req("handle", HANDLE), opt("flags", SymbolSpace.FENCE, 0), opt("pad", 0)),
    VGEM_FENCE_SIGNAL("vgem_fence_signal", null, Map.of(), null,
            s -> s.ioctl("file", new VgemIoctl.FenceSignal(s.u32("fence"), s.u32("flags"))).map(CallResult::nothing),
            req("file", FILE), req("fence", INT), opt("flags", 0)),

    // virtio-gpu's own ioctls (virtgpu_drm.h) on a host without virgl: 2D resources work, 3D is refused.
    VIRTGPU_MAP("virtgpu_map", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.Map(s.handle("handle"))).map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE)),
    VIRTGPU_GETPARAM("virtgpu_getparam", INT, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.GetParam(s.num("param")))
                    .map(v -> CallResult.of(Integer.toUnsignedLong(v))),
            req("file", FILE), req("param", SymbolSpace.VIRTGPU_PARAM)),
    VIRTGPU_RESOURCE_CREATE("virtgpu_resource_create", HANDLE, Map.of("res_handle", INT), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.ResourceCreate(s.u32("target"), s.u32("format"), s.u32("bind"),
                    s.u32("width"), s.u32("height"), s.u32("depth"), s.u32("array_size"), s.u32("last_level"),
                    s.u32("nr_samples"), s.u32("flags"), s.u32("size"), s.u32("stride")))
                    .map(r -> new CallResult(r.handle(), Map.of("res_handle", Integer.toUnsignedLong(r.resHandle())))),
            req("file", FILE), req("width", INT), req("height", INT), opt("target", 2), opt("format", 1),
            opt("bind", 0), opt("depth", 1), opt("array_size", 1), opt("last_level", 0), opt("nr_samples", 0),
            opt("flags", 0), opt("size", 0), opt("stride", 0)),
    VIRTGPU_RESOURCE_INFO("virtgpu_resource_info", INT, Map.of("res_handle", INT), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.ResourceInfo(s.handle("handle")))
                    .map(r -> new CallResult(r.size(), Map.of("res_handle", Integer.toUnsignedLong(r.resHandle())))),
            req("file", FILE), req("handle", HANDLE)),
    VIRTGPU_TRANSFER_TO_HOST("virtgpu_transfer_to_host", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.TransferToHost(s.handle("handle"), box(s), s.u32("level"),
                    s.u32("offset"))).map(CallResult::nothing),
            transferParams()),
    VIRTGPU_TRANSFER_FROM_HOST("virtgpu_transfer_from_host", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.TransferFromHost(s.handle("handle"), box(s), s.u32("level"),
                    s.u32("offset"))).map(CallResult::nothing),
            transferParams()),
    VIRTGPU_WAIT("virtgpu_wait", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.Wait(s.handle("handle"), s.u32("flags"))).map(CallResult::nothing),
            req("file", FILE), req("handle", HANDLE), opt("flags", SymbolSpace.VIRTGPU_WAIT, 0)),
    VIRTGPU_EXECBUFFER("virtgpu_execbuffer", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.Execbuffer(s.u32("flags"))).map(CallResult::nothing),
            req("file", FILE), opt("flags", 0)),
    VIRTGPU_GET_CAPS("virtgpu_get_caps", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.GetCaps(s.u32("cap_set_id"), s.u32("cap_set_ver"), s.u32("size")))
                    .map(CallResult::nothing),
            req("file", FILE), req("cap_set_id", INT), opt("cap_set_ver", 0), req("size", INT)),
    VIRTGPU_RESOURCE_CREATE_BLOB("virtgpu_resource_create_blob", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.ResourceCreateBlob(s.u32("blob_mem"), s.u32("blob_flags"),
                    s.num("size"))).map(CallResult::of),
            req("file", FILE), req("blob_mem", INT), opt("blob_flags", 0), req("size", INT)),
    VIRTGPU_CONTEXT_INIT("virtgpu_context_init", null, Map.of(), null,
            s -> s.ioctl("file", new VirtioGpuIoctl.ContextInit()).map(CallResult::nothing),
            req("file", FILE)),

    // qxl's ALLOC, MAP and GETPARAM (qxl_drm.h), DRM_AUTH.
    QXL_ALLOC("qxl_alloc", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new QxlIoctl.Alloc(s.u32("size"))).map(CallResult::of),
            req("file", FILE), req("size", INT)),
    QXL_MAP("qxl_map", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new QxlIoctl.Map(s.handle("handle"))).map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE)),
    QXL_GETPARAM("qxl_getparam", INT, Map.of(), null,
            s -> s.ioctl("file", new QxlIoctl.GetParam(s.num("param"))).map(CallResult::of),
            req("file", FILE), req("param", SymbolSpace.QXL_PARAM)),

    // radeon's GEM_INFO, GEM_CREATE, GEM_MMAP and GEM_USERPTR (radeon_drm.h), DRM_AUTH | DRM_RENDER_ALLOW.
    RADEON_GEM_INFO("radeon_gem_info", INT, Map.of("vram_size", INT, "vram_visible", INT), null,
            s -> s.ioctl("file", new RadeonIoctl.GemInfo()).map(r -> new CallResult(r.gartSize(),
                    Map.of("vram_size", r.vramSize(), "vram_visible", r.vramVisible()))),
            req("file", FILE)),
    RADEON_GEM_CREATE("radeon_gem_create", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new RadeonIoctl.GemCreate(s.num("size"), s.num("alignment"), s.u32("domain"),
                    s.u32("flags"))).map(CallResult::of),
            req("file", FILE), req("size", INT), req("domain", SymbolSpace.RADEON_DOMAIN), opt("alignment", 0),
            opt("flags", 0)),
    RADEON_GEM_MMAP("radeon_gem_mmap", OFFSET, Map.of(), null,
            s -> s.ioctl("file", new RadeonIoctl.GemMmap(s.handle("handle"), s.num("offset"), s.num("size")))
                    .map(o -> CallResult.of(o.value())),
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), opt("size", 0)),
    RADEON_USERPTR("radeon_userptr", HANDLE, Map.of(), null,
            s -> s.ioctl("file", new RadeonIoctl.GemUserptr(s.num("ptr"), s.num("size"), s.u32("flags")))
                    .map(CallResult::of),
            req("file", FILE), req("ptr", ADDR), req("size", INT), req("flags", SymbolSpace.RADEON_USERPTR)),

    DMABUF_SYNC("dmabuf_sync", null, Map.of(), null,
            s -> s.ioctl("dmabuf", new DmaBufIoctl.Sync(s.num("flags"))).map(CallResult::nothing),
            req("dmabuf", DMABUF), req("flags", SymbolSpace.SYNC)),

    // udmabuf (A.6): a dma-buf over a range of a sealed memfd; flags other than CLOEXEC are ignored (107).
    UDMABUF_CREATE("udmabuf_create", DMABUF, Map.of(), null,
            s -> s.ioctl("file", new UdmabufIoctl.Create(s.u32("flags"),
                    new UdmabufIoctl.Item(s.fd("memfd"), s.num("offset"), s.num("size"))))
                    .map(fd -> CallResult.of(s.opened(s.actor(), fd))),
            req("file", FILE), req("memfd", MEMFD), opt("offset", 0), req("size", INT),
            opt("flags", SymbolSpace.UDMABUF, 0)),
    // One dma-buf over several ranges, item i being (memfds[i], offsets[i], sizes[i]); count is the
    // struct's count, the number of items unless given (UDMABUF-LIMITS, 103).
    UDMABUF_CREATE_LIST("udmabuf_create_list", DMABUF, Map.of(), null, Operation::udmabufList,
            req("file", FILE), req("memfds", MEMFD_LIST), req("offsets", INT_LIST), req("sizes", INT_LIST),
            opt("flags", SymbolSpace.UDMABUF, 0),
            new Param("count", List.of(INT, ValueType.NONE), SymbolSpace.NONE, new Value.None())),
    // The system heap's ALLOC: fd_flags O_RDWR and O_CLOEXEC only, no heap flag.
    HEAP_ALLOC("heap_alloc", DMABUF, Map.of(), null,
            s -> s.ioctl("file", new DmaHeapIoctl.Alloc(s.num("len"), s.u32("fd_flags"), s.num("heap_flags")))
                    .map(fd -> CallResult.of(s.opened(s.actor(), fd))),
            req("file", FILE), req("len", INT),
            opt("fd_flags", SymbolSpace.HEAP_FD, DmaHeapIoctl.O_RDWR | DmaHeapIoctl.O_CLOEXEC), opt("heap_flags", 0));

    /** The {@code node} values of {@code open} that name no DRM node ({@link SymbolSpace#NODE}). */
    private static final long NODE_UDMABUF = 2;
    private static final long NODE_SYSTEM_HEAP = 3;

    /** Every step looks its call up by name: a map, not a scan of the values. */
    private static final Map<String, Operation> BY_NAME = byLanguageName();

    private final String languageName;
    private final ValueType result;
    private final Map<String, ValueType> fields;
    private final String closes;
    private final List<Param> params;

    private final CallBinding binding;

    Operation(String languageName, ValueType result, Map<String, ValueType> fields, String closes,
            CallBinding binding, Param... params) {
        this.languageName = languageName;
        this.binding = binding;
        this.result = result;
        this.fields = fields;
        this.closes = closes;
        this.params = List.of(params);
    }

    /** The name a spec writes. */
    public String languageName() {
        return languageName;
    }

    /**
     * Puts this call to the backend with the arguments and runtime {@code site} supplies: the
     * backend method, or the ioctl record passed to {@code Backend.ioctl}, and what the step binds.
     */
    public Outcome<CallResult> call(CallSite site) {
        return binding.call(site);
    }

    /** UDMABUF_CREATE_LIST from three lists of one length; lists of different lengths are refused. */
    private static Outcome<CallResult> udmabufList(CallSite s) {
        List<Fd> memfds = s.fds("memfds");
        List<Long> offsets = s.nums("offsets");
        List<Long> sizes = s.nums("sizes");
        if (offsets.size() != memfds.size() || sizes.size() != memfds.size()) {
            return Outcome.refused("udmabuf_create_list needs as many offsets and sizes as memfds, not "
                    + memfds.size() + " memfds, " + offsets.size() + " offsets and " + sizes.size() + " sizes");
        }
        List<UdmabufIoctl.Item> items = new java.util.ArrayList<>(memfds.size());
        for (int i = 0; i < memfds.size(); i++) {
            items.add(new UdmabufIoctl.Item(memfds.get(i), offsets.get(i), sizes.get(i)));
        }
        int count = s.given("count") ? s.u32("count") : items.size();
        return s.ioctl("file", new UdmabufIoctl.CreateList(s.u32("flags"), count, items))
                .map(fd -> CallResult.of(s.opened(s.actor(), fd)));
    }

    /** The parameters of both virtio-gpu transfers: the object, its box, the mip level and offset. */
    private static Param[] transferParams() {
        return new Param[] {req("file", FILE), req("handle", HANDLE), req("w", INT), req("h", INT), opt("x", 0),
            opt("y", 0), opt("z", 0), opt("d", 1), opt("level", 0), opt("offset", 0)};
    }

    /** The box of a virtio-gpu transfer, from its x, y, z, w, h and d arguments. */
    private static VirtioGpuIoctl.Box box(CallSite s) {
        return new VirtioGpuIoctl.Box(s.u32("x"), s.u32("y"), s.u32("z"), s.u32("w"), s.u32("h"), s.u32("d"));
    }

    private static CallResult bytes(byte[] bytes) {
        return CallResult.of(Bytes.of(bytes));
    }

    /** The type of the primary result, which a step may bind; empty for calls without one. */
    public Optional<ValueType> result() {
        return Optional.ofNullable(result);
    }

    /** Further out fields of the result, read as {@code binding.field}. */
    public Map<String, ValueType> fields() {
        return fields;
    }

    /** The parameter whose resource this call closes when it succeeds, if any. */
    public Optional<String> closes() {
        return Optional.ofNullable(closes);
    }

    public List<Param> params() {
        return params;
    }

    public Optional<Param> param(String name) {
        for (Param p : params) {
            if (p.name().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static Map<String, Operation> byLanguageName() {
        Map<String, Operation> map = new java.util.HashMap<>();
        for (Operation operation : values()) {
            map.put(operation.languageName, operation);
        }
        return Map.copyOf(map);
    }

    /**
     * Whether the call is an ioctl, which {@code retry} may repeat as libdrm does: the table lists the
     * system calls (spawn to lseek) first and the ioctls from {@link #GEM_CLOSE} on.
     */
    public boolean isIoctl() {
        return compareTo(GEM_CLOSE) >= 0;
    }

    /** Whether the first parameter is the process to run in; otherwise the owner of the first argument runs it. */
    public boolean takesProcess() {
        return !params.isEmpty() && params.get(0).types().contains(PROCESS);
    }

    /** Whether the call may be given {@code by: process} (all calls on an fd). */
    public boolean acceptsBy() {
        return this != SPAWN && !takesProcess();
    }

    public static Optional<Operation> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Operation::languageName).toList();
    }
}
