package org.uapispec.engine;

import java.util.function.Supplier;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;

/**
 * The backend as a call's binding sees it: before each call reaches the device, the guard refuses
 * it if an argument read for it did not fit its 32-bit field ({@link CallBinder.BadArgument}). A
 * call's arguments are evaluated before the call itself, so the check sees all of them.
 */
final class BackendWithArgumentCheck implements Backend {

    /** Throws if an argument did not fit; {@code where} names the call: {@code argument of mmap}. */
    @FunctionalInterface
    interface Guard {
        void refuseMisfit(String where);
    }

    private final Backend backend;
    private final Guard guard;

    BackendWithArgumentCheck(Backend backend, Guard guard) {
        this.backend = backend;
        this.guard = guard;
    }

    private <T> Outcome<T> checked(String syscall, Supplier<Outcome<T>> call) {
        guard.refuseMisfit("argument of " + syscall);
        return call.get();
    }

    @Override
    public Outcome<Pid> spawn(Credentials credentials) {
        return checked("spawn", () -> backend.spawn(credentials));
    }

    @Override
    public Outcome<Pid> fork(Pid parent) {
        return checked("fork", () -> backend.fork(parent));
    }

    @Override
    public Outcome<Void> exit(Pid pid) {
        return checked("exit", () -> backend.exit(pid));
    }

    @Override
    public Outcome<Fd> open(Pid pid, Node node) {
        return checked("open", () -> backend.open(pid, node));
    }

    @Override
    public Outcome<Fd> open(Pid pid, MiscDevice device) {
        return checked("open", () -> backend.open(pid, device));
    }

    @Override
    public Outcome<Fd> memfdCreate(Pid pid, String name, int flags) {
        return checked("memfd_create", () -> backend.memfdCreate(pid, name, flags));
    }

    @Override
    public Outcome<Void> ftruncate(Pid pid, Fd fd, long length) {
        return checked("ftruncate", () -> backend.ftruncate(pid, fd, length));
    }

    @Override
    public Outcome<Void> addSeals(Pid pid, Fd fd, int seals) {
        return checked("fcntl", () -> backend.addSeals(pid, fd, seals));
    }

    @Override
    public Outcome<Integer> getSeals(Pid pid, Fd fd) {
        return checked("fcntl", () -> backend.getSeals(pid, fd));
    }

    @Override
    public Outcome<Void> close(Pid pid, Fd fd) {
        return checked("close", () -> backend.close(pid, fd));
    }

    @Override
    public <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request) {
        guard.refuseMisfit("field of " + request.ioctlName());
        return backend.ioctl(pid, fd, request);
    }

    @Override
    public Outcome<Long> mmap(Pid pid, MmapRequest request) {
        return checked("mmap", () -> backend.mmap(pid, request));
    }

    @Override
    public Outcome<Void> munmap(Pid pid, long addr, long length) {
        return checked("munmap", () -> backend.munmap(pid, addr, length));
    }

    @Override
    public Outcome<Void> mprotect(Pid pid, long addr, long length, long prot) {
        return checked("mprotect", () -> backend.mprotect(pid, addr, length, prot));
    }

    @Override
    public Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence) {
        return checked("lseek", () -> backend.lseek(pid, fd, offset, whence));
    }

    @Override
    public Outcome<Integer> poll(Pid pid, Fd fd, int events) {
        return checked("poll", () -> backend.poll(pid, fd, events));
    }

    @Override
    public Outcome<byte[]> read(Pid pid, long addr, long length) {
        return checked("read", () -> backend.read(pid, addr, length));
    }

    @Override
    public Outcome<Void> write(Pid pid, long addr, byte[] data) {
        return checked("write", () -> backend.write(pid, addr, data));
    }

    @Override
    public Outcome<Boolean> handleValid(Pid pid, Fd fd, Handle handle) {
        return checked("handleValid", () -> backend.handleValid(pid, fd, handle));
    }

    @Override
    public Outcome<Integer> handleCount(Pid pid, Fd fd) {
        return checked("handleCount", () -> backend.handleCount(pid, fd));
    }

    @Override
    public Outcome<Boolean> mapped(Pid pid, long addr) {
        return checked("mapped", () -> backend.mapped(pid, addr));
    }

    @Override
    public String describeState() {
        return backend.describeState();
    }
}
