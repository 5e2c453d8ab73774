package org.uapispec.grammar.model;

import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;

/** A backend that fails every call with EINVAL: the syscalls of {@link RecordingSite}. */
final class FailingBackend implements Backend {
    private static <T> Outcome<T> fail() {
        return Outcome.err(Errno.EINVAL);
    }

    @Override
    public Outcome<Pid> spawn(Credentials credentials) {
        return fail();
    }

    @Override
    public Outcome<Pid> fork(Pid parent) {
        return fail();
    }

    @Override
    public Outcome<Void> exit(Pid pid) {
        return fail();
    }

    @Override
    public Outcome<Fd> open(Pid pid, Node node) {
        return fail();
    }

    @Override
    public Outcome<Fd> open(Pid pid, MiscDevice device) {
        return fail();
    }

    @Override
    public Outcome<Fd> memfdCreate(Pid pid, String name, int flags) {
        return fail();
    }

    @Override
    public Outcome<Void> ftruncate(Pid pid, Fd fd, long length) {
        return fail();
    }

    @Override
    public Outcome<Void> addSeals(Pid pid, Fd fd, int seals) {
        return fail();
    }

    @Override
    public Outcome<Integer> getSeals(Pid pid, Fd fd) {
        return fail();
    }

    @Override
    public Outcome<Void> close(Pid pid, Fd fd) {
        return fail();
    }

    @Override
    public <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request) {
        throw new AssertionError("ioctls go through CallSite.ioctl, which checks their fields: " + request);
    }

    @Override
    public Outcome<Long> mmap(Pid pid, MmapRequest request) {
        return fail();
    }

    @Override
    public Outcome<Void> munmap(Pid pid, long addr, long length) {
        return fail();
    }

    @Override
    public Outcome<Void> mprotect(Pid pid, long addr, long length, long prot) {
        return fail();
    }

    @Override
    public Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence) {
        return fail();
    }

    @Override
    public Outcome<Integer> poll(Pid pid, Fd fd, int events) {
        return fail();
    }

    @Override
    public Outcome<byte[]> read(Pid pid, long addr, long length) {
        return fail();
    }

    @Override
    public Outcome<Void> write(Pid pid, long addr, byte[] data) {
        return fail();
    }

    @Override
    public Outcome<Boolean> handleValid(Pid pid, Fd fd, Handle handle) {
        throw new AssertionError("observations are not calls");
    }

    @Override
    public Outcome<Integer> handleCount(Pid pid, Fd fd) {
        throw new AssertionError("observations are not calls");
    }

    @Override
    public Outcome<Boolean> mapped(Pid pid, long addr) {
        throw new AssertionError("observations are not calls");
    }

    @Override
    public String describeState() {
        return "";
    }
}
