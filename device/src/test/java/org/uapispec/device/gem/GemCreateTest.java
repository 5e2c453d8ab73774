package org.uapispec.device.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.device.profile.Profiles;

class GemCreateTest {
    private final Machine m = new Machine(Profiles.I915);
    private final Fd fd = m.card(m.root);

    @Test
    @DisplayName("[1] GEM_CREATE of size 0 is EINVAL")
    void zeroSize() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(0)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[2] a size whose round-up wraps to 0 is EINVAL")
    void wrappingSize() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(~0L)), Errno.EINVAL);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(-PAGE + 1)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[3] a huge size that does not wrap is E2BIG today")
    void hugeSizeToday() {
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(~0L << 32)), Errno.E2BIG);
    }

    @Test
    @DisplayName("[3] on i915-2014 the same huge size fails the shmem allocation with ENOMEM")
    void hugeSizeIn2014() {
        Machine old = new Machine(Profiles.I915_2014);
        Fd oldFd = old.card(old.root);
        assertErrno(old.ioctl(old.root, oldFd, new I915Ioctl.GemCreate(~0L << 32)), Errno.ENOMEM);
        // Below MAX_LFS_FILESIZE the 3.16 path has no limit of its own: shmem is allocated lazily.
        assertOk(old.ioctl(old.root, oldFd, new I915Ioctl.GemCreate(1L << 40)));
    }

    @Test
    @DisplayName("[4] a half-page size is rounded up, and the padding is writable through pwrite")
    void roundsUp() {
        I915Ioctl.GemCreate.Result created = m.ioctl(m.root, fd, new I915Ioctl.GemCreate(PAGE / 2)).value();
        assertThat(created.size()).isEqualTo(PAGE);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(created.handle(), PAGE - 4, bytes("tail"))));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(created.handle(), PAGE - 4, 4))).isEqualTo(bytes("tail"));
    }

    @Test
    @DisplayName("[5] a new object reads as zeros")
    void newObjectIsClear() {
        Handle h = m.create(m.root, fd, 3 * PAGE);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 3 * PAGE))).isEqualTo(new byte[(int) (3 * PAGE)]);
    }

    @Test
    @DisplayName("[5] a new object never shows the bytes of a freed one")
    void reusedHandleIsClear() {
        Handle first = m.create(m.root, fd, PAGE);
        m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(first, 0, bytes("secret")));
        m.close(m.root, fd, first);
        Handle second = m.create(m.root, fd, PAGE);
        assertThat(second).isEqualTo(first);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(second, 0, 6))).isEqualTo(new byte[6]);
    }

    @Test
    @DisplayName("the generic (vgem) driver has no GEM_CREATE: a driver ioctl past its table is EINVAL")
    void genericHasNoDriverCreate() {
        Machine vgem = new Machine(Profiles.GENERIC);
        Fd vgemFd = vgem.card(vgem.root);
        assertErrno(vgem.ioctl(vgem.root, vgemFd, new I915Ioctl.GemCreate(PAGE)), Errno.EINVAL);
        assertErrno(vgem.ioctl(vgem.root, vgemFd, new I915Ioctl.GemPread(new Handle(1), 0, 1)), Errno.EINVAL);
    }
}
