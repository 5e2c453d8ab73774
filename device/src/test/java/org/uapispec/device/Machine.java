package org.uapispec.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.ObjectAssert;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.reference.ReferenceDevice;

/**
 * Test fixture: a reference device with one root process, driven only through the backend interface,
 * with short helpers for the calls tests make most and AssertJ checks on outcomes.
 */
public final class Machine {
    public static final long PAGE = Mman.PAGE_SIZE;
    public static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    public final Backend backend;
    /** A root process (uid 0, CAP_SYS_ADMIN). */
    public final Pid root;

    public Machine(Profile profile) {
        this.backend = new ReferenceDevice(profile);
        this.root = backend.spawn(Credentials.ROOT).value();
    }

    public Pid spawnUser(int uid) {
        return backend.spawn(Credentials.user(uid)).value();
    }

    /** Opens card node 0 in {@code pid}. */
    public Fd card(Pid pid) {
        return backend.open(pid, Node.card(0)).value();
    }

    /** Opens render node 0 in {@code pid}. */
    public Fd render(Pid pid) {
        return backend.open(pid, Node.render(0)).value();
    }

    public <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request) {
        return backend.ioctl(pid, fd, request);
    }

    /** An object of {@code size} bytes: i915 GEM_CREATE where the driver has it, else a dumb buffer. */
    public Handle create(Pid pid, Fd fd, long size) {
        Outcome<I915Ioctl.GemCreate.Result> created = ioctl(pid, fd, new I915Ioctl.GemCreate(size));
        if (created.isOk()) {
            return created.value().handle();
        }
        int pages = (int) ((size + PAGE - 1) / PAGE);
        return ioctl(pid, fd, new DrmIoctl.ModeCreateDumb(pages, 1024, 32, 0)).value().handle();
    }

    public Outcome<Void> close(Pid pid, Fd fd, Handle handle) {
        return ioctl(pid, fd, new DrmIoctl.GemClose(handle));
    }

    /** Anonymous private read-write memory of {@code pages} pages. */
    public long anon(Pid pid, long pages) {
        return backend.mmap(pid, MmapRequest.anonymous(pages * PAGE, RW)).value();
    }

    public static void assertErrno(Outcome<?> outcome, Errno errno) {
        assertThat(outcome).as("outcome").hasToString(errno.name());
        assertThat(outcome).isInstanceOf(Outcome.Err.class);
    }

    public static void assertSignal(Outcome<?> outcome, Signal signal) {
        assertThat(outcome).isEqualTo(Outcome.sig(signal));
    }

    public static <T> ObjectAssert<T> assertOk(Outcome<T> outcome) {
        assertThat(outcome.isOk()).as("expected success, got %s", outcome).isTrue();
        return assertThat(outcome.value());
    }

    public static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
