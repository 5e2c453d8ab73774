package org.uapispec.device.gem;

import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.device.profile.Profiles;

class PreadPwriteTest {
    private final Machine m = new Machine(Profiles.I915);
    private final Fd fd = m.card(m.root);
    private final Handle h = m.create(m.root, fd, 2 * PAGE);

    @Test
    @DisplayName("[109] bytes written at an offset read back there, across a page boundary")
    void roundTrip() {
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(h, PAGE - 3, bytes("boundary"))));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, PAGE - 3, 8))).isEqualTo(bytes("boundary"));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, PAGE, 5))).isEqualTo(bytes("ndary"));
    }

    @Test
    @DisplayName("[109] a bad handle is ENOENT for pread and pwrite")
    void badHandle() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(9), 0, 4)), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(new Handle(9), 0, bytes("x"))), Errno.ENOENT);
    }

    @ParameterizedTest(name = "[109] offset {0} size {1} on an 8 KiB object is EINVAL")
    @CsvSource({"0, 8193", "8192, 1", "4096, 4097", "-1, 1", "1, 0x10000000000", "9000, 0"})
    @DisplayName("[109] offset + size beyond the object is EINVAL")
    void beyondEnd(long offset, long size) {
        if (size == 0) {
            // size 0 returns before any check, even with an offset past the end.
            assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, offset, size)));
            return;
        }
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, offset, size)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[109] a size no user buffer can have is EFAULT (access_ok), even with a good handle")
    void sizeBeyondTheAddressSpace() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 1, -1)), Errno.EFAULT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 1L << 47)), Errno.EFAULT);
    }

    @Test
    @DisplayName("[109] pwrite past the end is EINVAL and leaves the object unchanged")
    void pwriteBeyondEnd() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(h, 2 * PAGE - 2, bytes("abc"))), Errno.EINVAL);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 2 * PAGE - 2, 2))).isEqualTo(new byte[2]);
    }

    @Test
    @DisplayName("[109] size 0 returns before the handle lookup, so a bad handle with size 0 succeeds")
    void sizeZeroSkipsLookup() {
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(0xdead), 0, 0)));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(new Handle(0xdead), 0, new byte[0])));
    }

    @Test
    @DisplayName("[109] pread and pwrite are not on the generic driver: EINVAL")
    void genericHasNone() {
        Machine vgem = new Machine(Profiles.GENERIC);
        Fd vgemFd = vgem.card(vgem.root);
        Handle dumb = vgem.create(vgem.root, vgemFd, PAGE);
        assertErrno(vgem.ioctl(vgem.root, vgemFd, new I915Ioctl.GemPwrite(dumb, 0, bytes("x"))), Errno.EINVAL);
    }
}
