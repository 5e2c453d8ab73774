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
import static org.uapispec.grammar.model.ValueType.MAGIC;
import static org.uapispec.grammar.model.ValueType.OFFSET;
import static org.uapispec.grammar.model.ValueType.PROCESS;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The call table: every call a spec can make, one to one with a method or ioctl of the backend
 * interface ({@code org.uapispec.api.Backend}; this module does not depend on it, so the
 * mapping is named in {@link #backendCall()}). The checker validates calls against this table and
 * the engine dispatches on it.
 *
 * <p>A call whose first parameter is not a process runs in the process that owns its first
 * argument (the process that opened the file); the extra argument {@code by: p} runs it in another
 * process instead, e.g. a forked child that inherited the fd.
 */
public enum Operation {
    SPAWN("spawn", "Backend.spawn(Credentials)", PROCESS, Map.of(), null,
            opt("uid", 1000), opt("admin", BOOL, new Value.Bool(false))),
    FORK("fork", "Backend.fork(Pid)", PROCESS, Map.of(), null, req("process", PROCESS)),
    EXIT("exit", "Backend.exit(Pid)", null, Map.of(), "process", req("process", PROCESS)),
    OPEN("open", "Backend.open(Pid, Node)", FILE, Map.of(), null,
            req("process", PROCESS), opt("node", SymbolSpace.NODE, "card"), opt("device", 0)),
    CLOSE("close", "Backend.close(Pid, Fd)", null, Map.of(), "fd", req("fd", FILE, DMABUF)),
    MMAP("mmap", "Backend.mmap(Pid, MmapRequest)", ADDR, Map.of(), null,
            req("process", PROCESS), req("len", INT), req("prot", SymbolSpace.PROT), req("flags", SymbolSpace.MAP),
            opt("addr", ADDR, new Value.Int(0, "0", ADDR)),
            new Param("fd", List.of(FILE, DMABUF, ValueType.NONE), SymbolSpace.NONE, new Value.None()),
            opt("offset", OFFSET, new Value.Int(0, "0", OFFSET))),
    MUNMAP("munmap", "Backend.munmap(Pid, long, long)", null, Map.of(), null,
            req("process", PROCESS), req("addr", ADDR), req("len", INT)),
    MPROTECT("mprotect", "Backend.mprotect(Pid, long, long, long)", null, Map.of(), null,
            req("process", PROCESS), req("addr", ADDR), req("len", INT), req("prot", SymbolSpace.PROT)),
    READ("read", "Backend.read(Pid, long, long)", BYTES, Map.of(), null,
            req("process", PROCESS), req("addr", ADDR), req("len", INT)),
    WRITE("write", "Backend.write(Pid, long, byte[])", null, Map.of(), null,
            req("process", PROCESS), req("addr", ADDR), req("data", BYTES)),
    // dma-bufs answer SEEK_END with their size (DMABUF-LLSEEK, 97).
    LSEEK("lseek", "Backend.lseek(Pid, Fd, long, int)", INT, Map.of(), null,
            req("dmabuf", DMABUF), req("offset", INT), req("whence", SymbolSpace.WHENCE)),

    // pad is not checked by the kernel (catalogue CLOSE-PAD-IGNORED, 11).
    GEM_CLOSE("gem_close", "DrmIoctl.GemClose", null, Map.of(), "handle",
            req("file", FILE), req("handle", HANDLE), opt("pad", 0)),
    GEM_FLINK("gem_flink", "DrmIoctl.GemFlink", FLINK_NAME, Map.of(), null, req("file", FILE), req("handle", HANDLE)),
    GEM_OPEN("gem_open", "DrmIoctl.GemOpen", HANDLE, Map.of("size", INT), null,
            req("file", FILE), req("name", FLINK_NAME)),
    GET_MAGIC("get_magic", "DrmIoctl.GetMagic", MAGIC, Map.of(), null, req("file", FILE)),
    AUTH_MAGIC("auth_magic", "DrmIoctl.AuthMagic", null, Map.of(), null, req("file", FILE), req("magic", MAGIC)),
    DUMB_CREATE("dumb_create", "DrmIoctl.ModeCreateDumb", HANDLE, Map.of("pitch", INT, "size", INT), null,
            req("file", FILE), req("width", INT), req("height", INT), req("bpp", INT), opt("flags", 0)),
    DUMB_MAP("dumb_map", "DrmIoctl.ModeMapDumb", OFFSET, Map.of(), null, req("file", FILE), req("handle", HANDLE)),
    DUMB_DESTROY("dumb_destroy", "DrmIoctl.ModeDestroyDumb", null, Map.of(), "handle",
            req("file", FILE), req("handle", HANDLE)),
    PRIME_EXPORT("prime_export", "DrmIoctl.PrimeHandleToFd", DMABUF, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), opt("flags", SymbolSpace.PRIME, 0)),
    PRIME_IMPORT("prime_import", "DrmIoctl.PrimeFdToHandle", HANDLE, Map.of(), null,
            req("file", FILE), req("dmabuf", DMABUF)),

    GEM_CREATE("gem_create", "I915Ioctl.GemCreate", HANDLE, Map.of("size", INT), null,
            req("file", FILE), req("size", INT)),
    PREAD("pread", "I915Ioctl.GemPread", BYTES, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("size", INT)),
    PWRITE("pwrite", "I915Ioctl.GemPwrite", null, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("data", BYTES)),
    // The cheap probe mesa uses on userptr objects (USERPTR-LAZY, 35).
    SET_DOMAIN("set_domain", "I915Ioctl.GemSetDomain", null, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), opt("read", SymbolSpace.DOMAIN, "cpu"),
            opt("write", SymbolSpace.DOMAIN, 0)),
    // The first GPU use: where lazily pinned userptr pages are resolved (USERPTR-LAZY, 35).
    EXECBUF("execbuf", "I915Ioctl.GemExecbuffer", null, Map.of(), null,
            req("file", FILE), req("objects", HANDLE_LIST)),
    // ctx is the 2014 seed's context field; flags outside READ_ONLY|UNSYNCHRONIZED|PROBE are EINVAL (28).
    USERPTR("userptr", "I915Ioctl.GemUserptr", HANDLE, Map.of(), null,
            req("file", FILE), req("ptr", ADDR), req("size", INT), opt("flags", SymbolSpace.USERPTR, 0), opt("ctx", 0)),
    MMAP_GTT("mmap_gtt", "I915Ioctl.GemMmapGtt", OFFSET, Map.of(), null, req("file", FILE), req("handle", HANDLE)),
    // type takes the mmap-type names or any raw int (MMOFF-BAD-FLAGS, 59); pad is not validated (61).
    MMAP_OFFSET("mmap_offset", "I915Ioctl.GemMmapOffset", OFFSET, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), req("type", SymbolSpace.MMAP_TYPE), opt("extensions", 0),
            opt("pad", 0)),
    GEM_MMAP("gem_mmap", "I915Ioctl.GemMmap", ADDR, Map.of(), null,
            req("file", FILE), req("handle", HANDLE), opt("offset", 0), req("size", INT),
            opt("flags", SymbolSpace.GEM_MMAP, 0)),

    DMABUF_SYNC("dmabuf_sync", "DmaBufIoctl.Sync", null, Map.of(), null,
            req("dmabuf", DMABUF), req("flags", SymbolSpace.SYNC));

    /** Every step looks its call up by name: a map, not a scan of the values. */
    private static final Map<String, Operation> BY_NAME = byLanguageName();

    private final String languageName;
    private final String backendCall;
    private final ValueType result;
    private final Map<String, ValueType> fields;
    private final String closes;
    private final List<Param> params;

    Operation(String languageName, String backendCall, ValueType result, Map<String, ValueType> fields,
            String closes, Param... params) {
        this.languageName = languageName;
        this.backendCall = backendCall;
        this.result = result;
        this.fields = fields;
        this.closes = closes;
        this.params = List.of(params);
    }

    /** The name a spec writes. */
    public String languageName() {
        return languageName;
    }

    /** The backend method, or the ioctl record passed to {@code Backend.ioctl}. */
    public String backendCall() {
        return backendCall;
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
