package org.uapispec.device.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.device.profile.Profiles;

class HandleTest {
    private final Machine m = new Machine(Profiles.I915);
    private final Fd fd = m.card(m.root);

    @Test
    @DisplayName("[7] the first handle of a file is 1, and handle 0 is never valid")
    void handlesStartAtOne() {
        assertThat(m.create(m.root, fd, PAGE)).isEqualTo(new Handle(1));
        assertThat(m.create(m.root, fd, PAGE)).isEqualTo(new Handle(2));
        assertErrno(m.close(m.root, fd, new Handle(0)), Errno.EINVAL);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(new Handle(0))), Errno.ENOENT);
    }

    @Test
    @DisplayName("[7] handle numbers are per file: a second file starts at 1 again")
    void handlesArePerFile() {
        m.create(m.root, fd, PAGE);
        Fd other = m.card(m.root);
        assertThat(m.create(m.root, other, PAGE)).isEqualTo(new Handle(1));
    }

    @Test
    @DisplayName("[8] a closed number goes to the next object, so a stale handle names a different object")
    void closedNumbersAreReused() {
        Handle a = m.create(m.root, fd, PAGE);
        Handle b = m.create(m.root, fd, 2 * PAGE);
        m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(a, 0, bytes("old")));
        assertOk(m.close(m.root, fd, a));
        Handle c = m.create(m.root, fd, 4 * PAGE);
        assertThat(c).isEqualTo(a).isNotEqualTo(b);
        // The stale number now reaches the new, larger, zeroed object.
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(a, 3 * PAGE, 3))).isEqualTo(new byte[3]);
    }

    @Test
    @DisplayName("[8] the lowest closed number is handed out first (idr_alloc)")
    void lowestFreeNumberFirst() {
        for (int i = 0; i < 5; i++) {
            m.create(m.root, fd, PAGE);
        }
        m.close(m.root, fd, new Handle(4));
        m.close(m.root, fd, new Handle(2));
        assertThat(m.create(m.root, fd, PAGE)).isEqualTo(new Handle(2));
        assertThat(m.create(m.root, fd, PAGE)).isEqualTo(new Handle(4));
        assertThat(m.create(m.root, fd, PAGE)).isEqualTo(new Handle(6));
    }

    @Test
    @DisplayName("[9] GEM_CLOSE of a handle that was never issued is EINVAL, not ENOENT")
    void closeUnknown() {
        assertErrno(m.close(m.root, fd, new Handle(42)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[10] the second GEM_CLOSE of a handle is EINVAL")
    void closeTwice() {
        Handle h = m.create(m.root, fd, PAGE);
        assertOk(m.close(m.root, fd, h));
        assertErrno(m.close(m.root, fd, h), Errno.EINVAL);
    }

    @Test
    @DisplayName("[11] GEM_CLOSE does not check pad")
    void padIgnored() {
        Handle h = m.create(m.root, fd, PAGE);
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.GemClose(h, 0xdead)));
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[14] every ioctl naming a closed handle is ENOENT")
    void useAfterClose() {
        Handle h = m.create(m.root, fd, PAGE);
        m.close(m.root, fd, h);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 4)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(h, 0, bytes("x"))), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemSetDomain(h, I915Ioctl.DOMAIN_CPU, 0)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(h))), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)), Errno.ENOENT);
    }

    @ParameterizedTest(name = "[15] handle 1 | {0} is ENOENT")
    @ValueSource(ints = {1 << 16, 1 << 20, 1 << 31})
    @DisplayName("[15] a valid handle with high bits set is ENOENT")
    void highBits(int bits) {
        Handle h = m.create(m.root, fd, PAGE);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(h.value() | bits), 0, 1)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[15] handle+1 and 0xdeadbeef are ENOENT")
    void corruptedHandles() {
        Handle h = m.create(m.root, fd, PAGE);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(h.value() + 1), 0, 1)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(0xdeadbeef), 0, 1)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[16] closing the fd releases every handle: the objects' names are gone")
    void fdCloseReleasesHandles() {
        Fd other = m.card(m.root);
        Handle a = m.create(m.root, fd, PAGE);
        Handle b = m.create(m.root, fd, PAGE);
        FlinkName na = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(a)).value();
        FlinkName nb = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(b)).value();
        assertOk(m.backend.close(m.root, fd));
        assertErrno(m.ioctl(m.root, other, new DrmIoctl.GemOpen(na)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, other, new DrmIoctl.GemOpen(nb)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(a)), Errno.EBADF);
    }

    @Test
    @DisplayName("[17] GEM_OPEN in the same file gives a new alias; each alias dies only with its own close")
    void aliasesInTheSameFile() {
        Handle original = m.create(m.root, fd, PAGE);
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(original)).value();
        Handle alias = m.ioctl(m.root, fd, new DrmIoctl.GemOpen(name)).value().handle();
        assertThat(alias).isNotEqualTo(original);

        m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(original, 0, bytes("shared")));
        assertOk(m.close(m.root, fd, original));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(alias, 0, 6))).isEqualTo(bytes("shared"));
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(original, 0, 6)), Errno.ENOENT);
        assertOk(m.close(m.root, fd, alias));
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(alias, 0, 6)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[17] an execbuf that lists two aliases of one object is EINVAL")
    void aliasesInOneExecbuf() {
        Handle original = m.create(m.root, fd, PAGE);
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(original)).value();
        Handle alias = m.ioctl(m.root, fd, new DrmIoctl.GemOpen(name)).value().handle();
        Handle other = m.create(m.root, fd, PAGE);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(original, alias))), Errno.EINVAL);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(original, other))));
    }

    @Test
    @DisplayName("ioctls on an fd that is not open are EBADF")
    void badFd() {
        assertErrno(m.ioctl(m.root, new Fd(99), new I915Ioctl.GemCreate(PAGE)), Errno.EBADF);
    }
}
