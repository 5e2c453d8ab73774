package org.uapispec.engine.execution;

import java.util.Map;
import org.uapispec.device.api.Backend;
import org.uapispec.device.api.Credentials;
import org.uapispec.device.api.DmaBufIoctl;
import org.uapispec.device.api.DrmIoctl;
import org.uapispec.device.api.Fd;
import org.uapispec.device.api.I915Ioctl;
import org.uapispec.device.api.Ioctl;
import org.uapispec.device.api.MmapRequest;
import org.uapispec.device.api.Node;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.api.Pid;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Step;

/**
 * Turns one call step into the backend call the language's call table names
 * ({@code Operation.backendCall()}), and the call's result into the values the step binds.
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

    private final Backend backend;
    private final Evaluator eval;
    private final Env env;
    private final Lineage lineage;

    CallBinder(Backend backend, Evaluator eval, Env env, Lineage lineage) {
        this.backend = backend;
        this.eval = eval;
        this.env = env;
        this.lineage = lineage;
    }

    Outcome<Bound> call(Step.CallStep step) {
        Args a = new Args(step, eval);
        switch (step.operation()) {
            case SPAWN:
                return backend.spawn(new Credentials((int) a.num("uid"), a.bool("admin"))).map(Bound::of);
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
                return backend.open(pid, new Node(a.num("device"), kind))
                        .map(fd -> Bound.of(new FileRef(pid, fd, lineage.tick())));
            }
            case CLOSE:
                return done(backend.close(actor(step), a.file("fd").fd()));
            case MMAP: {
                Pid pid = a.pid("process");
                MmapRequest request = new MmapRequest(a.num("addr"), a.num("len"), a.num("prot"),
                        a.num("flags"), a.file("fd").fd(), a.num("offset"));
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
            case LSEEK:
                return backend.lseek(actor(step), a.file("dmabuf").fd(), a.num("offset"), (int) a.num("whence"))
                        .map(Bound::of);
            default:
                return ioctl(step, a);
        }
    }

    private Outcome<Bound> ioctl(Step.CallStep step, Args a) {
        Pid actor = actor(step);
        switch (step.operation()) {
            case GEM_CLOSE:
                return done(on(step, a, "file", new DrmIoctl.GemClose(a.handle("handle"), (int) a.num("pad"))));
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
                return on(step, a, "file", new DrmIoctl.ModeCreateDumb((int) a.num("height"), (int) a.num("width"),
                        (int) a.num("bpp"), (int) a.num("flags")))
                        .map(r -> new Bound(r.handle(), Map.of("pitch", (long) r.pitch(), "size", r.size())));
            case DUMB_MAP:
                return on(step, a, "file", new DrmIoctl.ModeMapDumb(a.handle("handle"))).map(o -> Bound.of(o.value()));
            case DUMB_DESTROY:
                return done(on(step, a, "file", new DrmIoctl.ModeDestroyDumb(a.handle("handle"))));
            case PRIME_EXPORT:
                return on(step, a, "file", new DrmIoctl.PrimeHandleToFd(a.handle("handle"), (int) a.num("flags")))
                        .map(fd -> Bound.of(new FileRef(actor, fd, lineage.tick())));
            case PRIME_IMPORT:
                return on(step, a, "file", new DrmIoctl.PrimeFdToHandle(a.file("dmabuf").fd())).map(Bound::of);
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
                return done(on(step, a, "file",
                        new I915Ioctl.GemSetDomain(a.handle("handle"), (int) a.num("read"), (int) a.num("write"))));
            case EXECBUF:
                return done(on(step, a, "file", new I915Ioctl.GemExecbuffer(a.handles("objects"))));
            case USERPTR:
                return on(step, a, "file", new I915Ioctl.GemUserptr(a.num("ptr"), a.num("size"), (int) a.num("flags"),
                        (int) a.num("ctx"))).map(Bound::of);
            case MMAP_GTT:
                return on(step, a, "file", new I915Ioctl.GemMmapGtt(a.handle("handle"))).map(o -> Bound.of(o.value()));
            case MMAP_OFFSET:
                return on(step, a, "file", new I915Ioctl.GemMmapOffset(a.handle("handle"), a.num("type"),
                        a.num("extensions"), (int) a.num("pad"))).map(o -> Bound.of(o.value()));
            case GEM_MMAP:
                return on(step, a, "file", new I915Ioctl.GemMmap(a.handle("handle"), a.num("offset"), a.num("size"),
                        a.num("flags"))).map(Bound::of);
            case DMABUF_SYNC:
                return done(on(step, a, "dmabuf", new DmaBufIoctl.Sync(a.num("flags"))));
            default:
                throw new IllegalStateException("no backend call for " + step.operation());
        }
    }

    private <R> Outcome<R> on(Step.CallStep step, Args a, String fileParam, Ioctl<R> request) {
        Fd fd = a.file(fileParam).fd();
        return backend.ioctl(actor(step), fd, request);
    }

    private Pid actor(Step.CallStep step) {
        return Values.asPid(env.get(step.actorName().orElseThrow(
                () -> new IllegalStateException(step.operation().languageName() + " has no process to run in"))));
    }

    private static Outcome<Bound> done(Outcome<Void> outcome) {
        return outcome.map(v -> Bound.NOTHING);
    }

    /** The evaluated arguments of one step, by parameter name. */
    private static final class Args {
        private final Step.CallStep step;
        private final Evaluator eval;

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

        boolean bool(String name) {
            return Values.asBool(get(name));
        }

        Pid pid(String name) {
            return Values.asPid(get(name));
        }

        FileRef file(String name) {
            return Values.asFile(get(name));
        }

        org.uapispec.device.api.Handle handle(String name) {
            return Values.asHandle(get(name));
        }

        java.util.List<org.uapispec.device.api.Handle> handles(String name) {
            return Values.asHandles(get(name));
        }

        org.uapispec.device.api.FlinkName name(String name) {
            return Values.asName(get(name));
        }

        org.uapispec.device.api.Magic magic(String name) {
            return Values.asMagic(get(name));
        }

        Bytes bytes(String name) {
            return Values.asBytes(get(name));
        }
    }
}
