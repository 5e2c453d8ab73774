package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Step;

/**
 * Turns one call step into the backend call the language's call table names
 * ({@code Operation.backendCall()}), and the call's result into the values the step binds.
 *
 * <p>Argument values are 64-bit, and reach the backend whole where the kernel's type has 64 bits
 * (syscall arguments of type {@code unsigned long} or {@code size_t}, {@code __u64} struct fields,
 * the device number of a node path). Where the kernel's field or argument has 32 bits, a value is
 * passed only if it is representable there, and never cut:
 * <ul>
 *   <li>an unsigned field ({@code __u32}, {@code unsigned int}, {@code uid_t}) takes 0 to 0xffffffff,
 *       and a negative value down to -2^31 as its two's complement, as C converts {@code -1} or
 *       {@code ~0};</li>
 *   <li>a signed field (an fd is an {@code int}) takes -2^31 to 2^31 - 1: a negative number the
 *       spec wrote is its two's complement, and 0x80000000 and above do not fit.</li>
 * </ul>
 * A value that does not fit fails the step with {@link BadArgument}, naming the argument, the value
 * and the field: {@code argument 'pad' = 0x100000000 does not fit the __u32 field of DRM_IOCTL_GEM_CLOSE}.
 */
final class CallBinder {

    /**
     * What a successful call binds: the primary result (null for calls that return only 0) and the
     * named result fields.
     */
    record Bound(Object primary, Map<String, Object> fields) {
        static Bound of(Object primary) {
            return new Bound(primary, Map.of());
        }

        static final Bound NOTHING = new Bound(null, Map.of());

        boolean hasResult() {
            return primary != null;
        }
    }

    /** A call the backend cannot be asked (an argument out of its range); the step fails with this. */
    static final class BadArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArgument(String message) {
            super(message, null, false, false);
        }
    }

    /** A 32-bit kernel type, with the values it represents and its C name for messages. */
    enum Width {
        U32("__u32"), UINT("unsigned int"), UID("uid_t"), MAGIC("drm_magic_t"), INT("int");

        private final String cName;

        Width(String cName) {
            this.cName = cName;
        }

        boolean fits(long value) {
            return this == INT
                    ? value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE
                    : value >= Integer.MIN_VALUE && value <= 0xffffffffL;
        }

        String cName() {
            return cName;
        }
    }

    private final Backend backend;
    private final Evaluator eval;
    private final Bindings env;
    private final Lineage lineage;

    CallBinder(Backend backend, Evaluator eval, Bindings env, Lineage lineage) {
        this.backend = backend;
        this.eval = eval;
        this.env = env;
        this.lineage = lineage;
    }

    Outcome<Bound> call(Step.CallStep step) {
        Args a = new Args(step, eval);
        switch (step.operation()) {
            case SPAWN: {
                Credentials credentials = new Credentials(a.narrow("uid", Width.UID), a.bool("admin"));
                a.ready("spawn");
                return backend.spawn(credentials).map(Bound::of);
            }
            case FORK: {
                Pid parent = a.pid("process");
                return backend.fork(parent).map(child -> {
                    lineage.forked(parent, child);
                    return Bound.of(child);
                });
            }
            case EXIT: {
                Pid pid = a.pid("process");
                return done(backend.exit(pid).map(v -> {
                    lineage.exited(pid);
                    return v;
                }));
            }
            case OPEN: {
                Pid pid = a.pid("process");
                Node.Kind kind = a.num("node") == 1 ? Node.Kind.RENDER : Node.Kind.CARD;
                // The device number is part of a path (/dev/dri/cardN): every value names a node.
                return backend.open(pid, new Node(a.num("device"), kind))
                        .map(fd -> Bound.of(new FileRef(pid, fd, lineage.tick())));
            }
            case CLOSE: {
                Fd fd = a.fd("fd");
                a.ready("close");
                return done(backend.close(actor(step), fd));
            }
            case MMAP: {
                Pid pid = a.pid("process");
                MmapRequest request = new MmapRequest(a.num("addr"), a.num("len"), a.num("prot"), a.num("flags"),
                        a.fd("fd"), a.num("offset"));
                a.ready("mmap");
                return backend.mmap(pid, request).map(Bound::of);
            }
            case MUNMAP:
                return done(backend.munmap(a.pid("process"), a.num("addr"), a.num("len")));
            case MPROTECT:
                return done(backend.mprotect(a.pid("process"), a.num("addr"), a.num("len"), a.num("prot")));
            case READ:
                return backend.read(a.pid("process"), a.num("addr"), a.num("len"))
                        .map(bytes -> Bound.of(Bytes.of(bytes)));
            case WRITE:
                return done(backend.write(a.pid("process"), a.num("addr"), a.bytes("data").toArray()));
            case LSEEK: {
                Fd fd = a.fd("dmabuf");
                int whence = a.narrow("whence", Width.UINT);
                a.ready("lseek");
                return backend.lseek(actor(step), fd, a.num("offset"), whence).map(Bound::of);
            }
            default:
                return ioctl(step, a);
        }
    }

    private Outcome<Bound> ioctl(Step.CallStep step, Args a) {
        Pid actor = actor(step);
        switch (step.operation()) {
            case GEM_CLOSE:
                return done(on(step, a, "file", new DrmIoctl.GemClose(a.handle("handle"), a.narrow("pad", Width.U32))));
            case GEM_FLINK:
                return on(step, a, "file", new DrmIoctl.GemFlink(a.handle("handle"))).map(Bound::of);
            case GEM_OPEN:
                return on(step, a, "file", new DrmIoctl.GemOpen(a.name("name")))
                        .map(r -> new Bound(r.handle(), Map.of("size", r.size())));
            case GET_MAGIC:
                return on(step, a, "file", new DrmIoctl.GetMagic()).map(Bound::of);
            case AUTH_MAGIC:
                return done(on(step, a, "file", new DrmIoctl.AuthMagic(a.magic("magic"))));
            case DUMB_CREATE:
                return on(step, a, "file", new DrmIoctl.ModeCreateDumb(a.narrow("height", Width.U32),
                        a.narrow("width", Width.U32), a.narrow("bpp", Width.U32), a.narrow("flags", Width.U32)))
                        .map(r -> new Bound(r.handle(), Map.of("pitch", Integer.toUnsignedLong(r.pitch()), "size", r.size())));
            case DUMB_MAP:
                return on(step, a, "file", new DrmIoctl.ModeMapDumb(a.handle("handle"))).map(o -> Bound.of(o.value()));
            case DUMB_DESTROY:
                return done(on(step, a, "file", new DrmIoctl.ModeDestroyDumb(a.handle("handle"))));
            case PRIME_EXPORT:
                return on(step, a, "file", new DrmIoctl.PrimeHandleToFd(a.handle("handle"), a.narrow("flags", Width.U32)))
                        .map(fd -> Bound.of(new FileRef(actor, fd, lineage.tick())));
            case PRIME_IMPORT:
                return on(step, a, "file", new DrmIoctl.PrimeFdToHandle(a.fd("dmabuf"))).map(Bound::of);
            case GEM_CREATE:
                return on(step, a, "file", new I915Ioctl.GemCreate(a.num("size")))
                        .map(r -> new Bound(r.handle(), Map.of("size", r.size())));
            case PREAD:
                return on(step, a, "file", new I915Ioctl.GemPread(a.handle("handle"), a.num("offset"), a.num("size")))
                        .map(bytes -> Bound.of(Bytes.of(bytes)));
            case PWRITE:
                return done(on(step, a, "file",
                        new I915Ioctl.GemPwrite(a.handle("handle"), a.num("offset"), a.bytes("data").toArray())));
            case SET_DOMAIN:
                return done(on(step, a, "file", new I915Ioctl.GemSetDomain(a.handle("handle"),
                        a.narrow("read", Width.U32), a.narrow("write", Width.U32))));
            case EXECBUF:
                return done(on(step, a, "file", new I915Ioctl.GemExecbuffer(a.handles("objects"))));
            case USERPTR:
                return on(step, a, "file", new I915Ioctl.GemUserptr(a.num("ptr"), a.num("size"),
                        a.narrow("flags", Width.U32), a.narrow("ctx", Width.U32))).map(Bound::of);
            case MMAP_GTT:
                return on(step, a, "file", new I915Ioctl.GemMmapGtt(a.handle("handle"))).map(o -> Bound.of(o.value()));
            case MMAP_OFFSET:
                return on(step, a, "file", new I915Ioctl.GemMmapOffset(a.handle("handle"), a.num("type"),
                        a.num("extensions"), a.narrow("pad", Width.U32))).map(o -> Bound.of(o.value()));
            case GEM_MMAP:
                return on(step, a, "file", new I915Ioctl.GemMmap(a.handle("handle"), a.num("offset"), a.num("size"),
                        a.num("flags"))).map(Bound::of);
            case DMABUF_SYNC:
                return done(on(step, a, "dmabuf", new DmaBufIoctl.Sync(a.num("flags"))));
            default:
                throw new IllegalStateException("no backend call for " + step.operation());
        }
    }

    /** Every ioctl goes through here: its arguments are checked against its name, then it is asked. */
    private <R> Outcome<R> on(Step.CallStep step, Args a, String fileParam, Ioctl<R> request) {
        Fd fd = a.fd(fileParam);
        a.readyIoctl(request.ioctlName());
        return backend.ioctl(actor(step), fd, request);
    }

    private Pid actor(Step.CallStep step) {
        return Values.asPid(env.get(step.actorName().orElseThrow(
                () -> new IllegalStateException(step.operation().languageName() + " has no process to run in"))));
    }

    private static Outcome<Bound> done(Outcome<Void> outcome) {
        return outcome.map(v -> Bound.NOTHING);
    }

    /**
     * The evaluated arguments of one step, by parameter name. A 32-bit argument that does not fit is
     * remembered, and {@link #ready} refuses the call before the backend sees it: the check needs the
     * ioctl's name, which the request record knows once it is built.
     */
    private static final class Args {
        private final Step.CallStep step;
        private final Evaluator eval;
        private String misfit;

        Args(Step.CallStep step, Evaluator eval) {
            this.step = step;
            this.eval = eval;
        }

        private Object get(String name) {
            return eval.eval(step.arg(name));
        }

        long num(String name) {
            return Values.asLong(get(name));
        }

        /** The value of a 32-bit argument as its bit pattern, or a note that it does not fit. */
        int narrow(String name, Width width) {
            return narrow(name, num(name), width);
        }

        private int narrow(String name, long value, Width width) {
            if (!width.fits(value) && misfit == null) {
                misfit = "argument '" + name + "' = 0x" + Long.toHexString(value) + " does not fit the "
                        + width.cName();
            }
            return (int) value;
        }

        /** Refuses the syscall named {@code call} if an argument did not fit. */
        void ready(String call) {
            if (misfit != null) {
                throw new BadArgument(misfit + " argument of " + call);
            }
        }

        /** Refuses the ioctl named {@code ioctl} if a field of its struct did not fit. */
        void readyIoctl(String ioctl) {
            if (misfit != null) {
                throw new BadArgument(misfit + " field of " + ioctl);
            }
        }

        boolean bool(String name) {
            return Values.asBool(get(name));
        }

        Pid pid(String name) {
            return Values.asPid(get(name));
        }

        Fd fd(String name) {
            Object value = get(name);
            return value instanceof FileRef file ? file.fd() : new Fd(narrow(name, Values.asLong(value), Width.INT));
        }

        Handle handle(String name) {
            return handle(name, get(name));
        }

        private Handle handle(String name, Object value) {
            return value instanceof Handle h ? h : new Handle(narrow(name, Values.asLong(value), Width.U32));
        }

        List<Handle> handles(String name) {
            List<?> items = Values.asList(get(name));
            List<Handle> handles = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                handles.add(handle(name + "[" + i + "]", items.get(i)));
            }
            return handles;
        }

        FlinkName name(String name) {
            Object value = get(name);
            return value instanceof FlinkName n ? n : new FlinkName(narrow(name, Values.asLong(value), Width.U32));
        }

        Magic magic(String name) {
            Object value = get(name);
            return value instanceof Magic m ? m : new Magic(narrow(name, Values.asLong(value), Width.MAGIC));
        }

        Bytes bytes(String name) {
            return Values.asBytes(get(name));
        }
    }
}
