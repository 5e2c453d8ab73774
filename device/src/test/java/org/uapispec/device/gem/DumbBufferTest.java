package org.uapispec.device.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.device.profile.Profiles;

class DumbBufferTest {
    private final Machine m = new Machine(Profiles.GENERIC);
    private final Fd fd = m.card(m.root);

    private DrmIoctl.ModeCreateDumb dumb(int height, int width, int bpp, int flags) {
        return new DrmIoctl.ModeCreateDumb(height, width, bpp, flags);
    }

    @ParameterizedTest(name = "[6] {0}x{1} at {2} bpp is EINVAL")
    @CsvSource({"0, 1, 8", "1, 0, 8", "1, 1, 0", "1, 1, -1", "1, -1, 32", "65536, 65536, 32", "-1, 1, 8"})
    @DisplayName("[6] zero or overflowing dimensions are EINVAL")
    void badDimensions(int height, int width, int bpp) {
        assertErrno(m.ioctl(m.root, fd, dumb(height, width, bpp, 0)), Errno.EINVAL);
    }

    @ParameterizedTest(name = "[6] {0}x{1} at {2} bpp gives pitch {3} and size {4}")
    @CsvSource({"1, 1, 1, 1, 4096", "1024, 1024, 8, 1024, 1048576", "32768, 32768, 16, 65536, 2147483648",
        "3, 5, 24, 15, 4096"})
    @DisplayName("[6] vgem's sizes: cpp rounded up, size page aligned")
    void sizes(int height, int width, int bpp, int pitch, long size) {
        DrmIoctl.ModeCreateDumb.Result created = m.ioctl(m.root, fd, dumb(height, width, bpp, 0)).value();
        assertThat(created.pitch()).isEqualTo(pitch);
        assertThat(created.size()).isEqualTo(size);
        assertThat(created.handle().value()).isPositive();
    }

    @Test
    @DisplayName("[6] non-zero flags are ignored, as on every kernel from 5.10 to 7.2")
    void flags() {
        assertThat(m.ioctl(m.root, fd, dumb(1, 1, 8, 1)).value().size()).isEqualTo(4096);
        Machine older = new Machine(Profiles.I915_2019);
        assertOk(older.ioctl(older.root, older.card(older.root), dumb(1, 1, 8, -1)));
    }

    @Test
    @DisplayName("[6] MODE_DESTROY_DUMB closes the handle; a second destroy is EINVAL")
    void destroy() {
        Handle h = m.ioctl(m.root, fd, dumb(1, 1, 8, 0)).value().handle();
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.ModeDestroyDumb(h)));
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.ModeDestroyDumb(h)), Errno.EINVAL);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[24] dumb-buffer ioctls are not DRM_RENDER_ALLOW: EACCES on a render node")
    void notOnRenderNodes() {
        Fd render = m.render(m.root);
        assertErrno(m.ioctl(m.root, render, dumb(1, 1, 8, 0)), Errno.EACCES);
    }
}
