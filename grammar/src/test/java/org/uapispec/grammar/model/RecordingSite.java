package org.uapispec.grammar.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uapispec.api.Backend;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;

/**
 * A call site that answers every argument with a placeholder and records what a binding asked: the
 * parameters it read and the ioctl requests it built. Every call fails with EINVAL, so no result is
 * bound.
 */
final class RecordingSite implements CallSite {
    final Set<String> read = new LinkedHashSet<>();
    final List<Ioctl<?>> requests = new ArrayList<>();
    final Set<String> files = new LinkedHashSet<>();

    private <T> T read(String param, T placeholder) {
        read.add(param);
        return placeholder;
    }

    @Override
    public long num(String param) {
        return read(param, 0L);
    }

    @Override
    public int u32(String param) {
        return read(param, 0);
    }

    @Override
    public int uint(String param) {
        return read(param, 0);
    }

    @Override
    public int uid(String param) {
        return read(param, 0);
    }

    @Override
    public boolean bool(String param) {
        return read(param, false);
    }

    @Override
    public Pid pid(String param) {
        return read(param, new Pid(1));
    }

    @Override
    public Fd fd(String param) {
        return read(param, new Fd(3));
    }

    @Override
    public Handle handle(String param) {
        return read(param, new Handle(1));
    }

    @Override
    public List<Handle> handles(String param) {
        return read(param, List.of(new Handle(1)));
    }

    @Override
    public List<Long> nums(String param) {
        return read(param, List.of(0L));
    }

    @Override
    public List<Fd> fds(String param) {
        return read(param, List.of(new Fd(3)));
    }

    /** Every optional argument is given, so that the binding reads it. */
    @Override
    public boolean given(String param) {
        return read(param, true);
    }

    @Override
    public FlinkName flinkName(String param) {
        return read(param, new FlinkName(1));
    }

    @Override
    public Magic magic(String param) {
        return read(param, new Magic(1));
    }

    @Override
    public Bytes bytes(String param) {
        return read(param, Bytes.ofUtf8("x"));
    }

    @Override
    public Pid actor() {
        return new Pid(1);
    }

    @Override
    public Backend backend() {
        return new FailingBackend();
    }

    @Override
    public <R> Outcome<R> ioctl(String fileParam, Ioctl<R> request) {
        files.add(read(fileParam, fileParam));
        requests.add(request);
        return Outcome.err(Errno.EINVAL);
    }

    @Override
    public Object opened(Pid owner, Fd fd) {
        throw new AssertionError("no call succeeds here");
    }

    @Override
    public void forked(Pid parent, Pid child) {
        throw new AssertionError("no call succeeds here");
    }

    @Override
    public void exited(Pid pid) {
        throw new AssertionError("no call succeeds here");
    }
}
