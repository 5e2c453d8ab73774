package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.CallResult;
import org.uapispec.grammar.model.CallSite;
import org.uapispec.grammar.model.Step;

/**
 * Runs one call step through its entry in the language's call table ({@code Operation.call}),
 * supplying the step's arguments and the run's bookkeeping as the entry's {@link CallSite}.
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

    Outcome<CallResult> call(Step.CallStep step) {
        return step.operation().call(new Site(step));
    }

    /**
     * The evaluated arguments of one step, by parameter name. A 32-bit argument that does not fit is
     * remembered, and the backend refuses the call before it runs: the check needs the call's name,
     * which the binding names by the backend method or the ioctl record it builds.
     */
    private final class Site implements CallSite {
        private final Step.CallStep step;
        private String misfit;

        Site(Step.CallStep step) {
            this.step = step;
        }

        private Object get(String name) {
            return eval.eval(step.arg(name));
        }

        @Override
        public long num(String name) {
            return Values.asLong(get(name));
        }

        @Override
        public int u32(String name) {
            return narrow(name, num(name), Width.U32);
        }

        @Override
        public int uint(String name) {
            return narrow(name, num(name), Width.UINT);
        }

        @Override
        public int uid(String name) {
            return narrow(name, num(name), Width.UID);
        }

        /** The value of a 32-bit argument as its bit pattern, or a note that it does not fit. */
        private int narrow(String name, long value, Width width) {
            if (!width.fits(value) && misfit == null) {
                misfit = "argument '" + name + "' = 0x" + Long.toHexString(value) + " does not fit the "
                        + width.cName();
            }
            return (int) value;
        }

        /** Refuses the call if an argument did not fit; {@code where} names its place in the call. */
        private void refuseMisfit(String where) {
            if (misfit != null) {
                throw new BadArgument(misfit + " " + where);
            }
        }

        @Override
        public boolean bool(String name) {
            return Values.asBool(get(name));
        }

        @Override
        public Pid pid(String name) {
            return Values.asPid(get(name));
        }

        @Override
        public Fd fd(String name) {
            Object value = get(name);
            return value instanceof FileRef file ? file.fd() : new Fd(narrow(name, Values.asLong(value), Width.INT));
        }

        @Override
        public Handle handle(String name) {
            return handle(name, get(name));
        }

        private Handle handle(String name, Object value) {
            return value instanceof Handle h ? h : new Handle(narrow(name, Values.asLong(value), Width.U32));
        }

        @Override
        public List<Handle> handles(String name) {
            List<?> items = Values.asList(get(name));
            List<Handle> handles = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                handles.add(handle(name + "[" + i + "]", items.get(i)));
            }
            return handles;
        }

        @Override
        public List<Long> nums(String name) {
            return Values.asList(get(name)).stream().map(Values::asLong).toList();
        }

        @Override
        public List<Fd> fds(String name) {
            List<?> items = Values.asList(get(name));
            List<Fd> fds = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                fds.add(item instanceof FileRef file ? file.fd()
                        : new Fd(narrow(name + "[" + i + "]", Values.asLong(item), Width.INT)));
            }
            return fds;
        }

        @Override
        public boolean given(String name) {
            return get(name) != FileRef.NONE;
        }

        @Override
        public FlinkName flinkName(String name) {
            Object value = get(name);
            return value instanceof FlinkName n ? n : new FlinkName(narrow(name, Values.asLong(value), Width.U32));
        }

        @Override
        public Magic magic(String name) {
            Object value = get(name);
            return value instanceof Magic m ? m : new Magic(narrow(name, Values.asLong(value), Width.MAGIC));
        }

        @Override
        public Bytes bytes(String name) {
            return Values.asBytes(get(name));
        }

        @Override
        public Pid actor() {
            return Values.asPid(env.get(step.actorName().orElseThrow(
                    () -> new IllegalStateException(step.operation().languageName() + " has no process to run in"))));
        }

        @Override
        public Backend backend() {
            return new BackendWithArgumentCheck(backend, this::refuseMisfit);
        }

        /** Every ioctl goes through here: its arguments are checked against its name, then it is asked. */
        @Override
        public <R> Outcome<R> ioctl(String fileParam, Ioctl<R> request) {
            Fd fd = fd(fileParam);
            refuseMisfit("field of " + request.ioctlName());
            return backend.ioctl(actor(), fd, request);
        }

        @Override
        public Object opened(Pid owner, Fd fd) {
            return new FileRef(owner, fd, lineage.tick());
        }

        @Override
        public void forked(Pid parent, Pid child) {
            lineage.forked(parent, child);
        }

        @Override
        public void exited(Pid pid) {
            lineage.exited(pid);
        }
    }
}
