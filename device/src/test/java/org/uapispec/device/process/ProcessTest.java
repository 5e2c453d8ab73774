package org.uapispec.device.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profiles;

class ProcessTest {
    private final Machine m = new Machine(Profiles.I915);

    @Test
    @DisplayName("fork copies private memory: parent and child stop seeing each other's writes")
    void forkCopiesPrivateMemory() {
        long a = m.anon(m.root, 1);
        m.backend.write(m.root, a, bytes("before"));
        Pid child = m.backend.fork(m.root).value();
        assertOk(m.backend.read(child, a, 6)).isEqualTo(bytes("before"));
        m.backend.write(child, a, bytes("child!"));
        assertOk(m.backend.read(m.root, a, 6)).isEqualTo(bytes("before"));
    }

    @Test
    @DisplayName("fork shares MAP_SHARED memory both ways")
    void forkSharesSharedMemory() {
        long a = m.backend.mmap(m.root, new MmapRequest(0, PAGE, RW, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS,
                Fd.NONE, 0)).value();
        Pid child = m.backend.fork(m.root).value();
        m.backend.write(child, a, bytes("hello"));
        assertOk(m.backend.read(m.root, a, 5)).isEqualTo(bytes("hello"));
    }

    @Test
    @DisplayName("a forked child shares its parent's DRM file: same fd number, same handles")
    void forkSharesFiles() {
        Fd fd = m.card(m.root);
        Handle h = m.create(m.root, fd, PAGE);
        Pid child = m.backend.fork(m.root).value();
        assertOk(m.ioctl(child, fd, new I915Ioctl.GemPwrite(h, 0, bytes("from child"))));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 10))).isEqualTo(bytes("from child"));
        // The file lives until both processes close it.
        m.backend.close(m.root, fd);
        assertOk(m.ioctl(child, fd, new I915Ioctl.GemPread(h, 0, 4)));
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 4)), Errno.EBADF);
    }

    @Test
    @DisplayName("[16] exit closes every file: objects only the exiting process held are released")
    void exitClosesFiles() {
        Pid worker = m.backend.spawn(Credentials.ROOT).value();
        Fd workerFd = m.card(worker);
        Handle h = m.create(worker, workerFd, PAGE);
        FlinkName name = m.ioctl(worker, workerFd, new DrmIoctl.GemFlink(h)).value();
        Fd observer = m.card(m.root);
        assertOk(m.backend.exit(worker));
        assertErrno(m.ioctl(m.root, observer, new DrmIoctl.GemOpen(name)), Errno.ENOENT);
    }

    @Test
    @DisplayName("a process that exited, or was never started, answers ESRCH")
    void deadProcesses() {
        Pid worker = m.backend.spawn(Credentials.user(1)).value();
        m.backend.exit(worker);
        assertErrno(m.backend.open(worker, org.uapispec.api.Node.card(0)), Errno.ESRCH);
        assertErrno(m.backend.exit(worker), Errno.ESRCH);
        assertErrno(m.backend.fork(new Pid(9999)), Errno.ESRCH);
    }

    @Test
    @DisplayName("fd numbers start at 3 and the lowest free number is reused; fork keeps the gaps")
    void fdNumbers() {
        Fd a = m.card(m.root);
        Fd b = m.card(m.root);
        Fd c = m.card(m.root);
        assertThat(a).isEqualTo(new Fd(3));
        m.backend.close(m.root, b);
        Pid child = m.backend.fork(m.root).value();
        assertThat(m.card(child)).isEqualTo(b);
        assertThat(m.card(m.root)).isEqualTo(b);
        assertOk(m.backend.close(child, c));
        assertErrno(m.backend.close(child, c), Errno.EBADF);
    }
}
