package org.uapispec.device.qxl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Magic;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Pid;
import org.uapispec.api.QxlIoctl;
import org.uapispec.device.Machine;
import org.uapispec.device.profile.Profiles;

/** Issue 17: qxl's ALLOC, MAP and GETPARAM on the model, every era (the same in each). */
class QxlIoctlsTest {
    private static final long PAGE = Mman.PAGE_SIZE;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5.10", "6.1", "6.12", "7.2"})
    @DisplayName("GETPARAM's two params, ALLOC's size checks, MAP's offset, DRM_AUTH")
    void ioctls(String era) {
        Machine m = new Machine(Profiles.QXL.at(KernelEra.byText(era).orElseThrow()));
        Pid p = m.root;
        Fd f = m.card(p);
        assertThat(m.ioctl(p, f, new QxlIoctl.GetParam(QxlIoctl.PARAM_NUM_SURFACES)).value()).isEqualTo(1024L);
        assertThat(m.ioctl(p, f, new QxlIoctl.GetParam(QxlIoctl.PARAM_MAX_RELOCS)).value()).isEqualTo(96L);
        assertErrno(m.ioctl(p, f, new QxlIoctl.GetParam(3)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new QxlIoctl.Alloc(0)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new QxlIoctl.Alloc(128 << 20)), Errno.ENOMEM);
        Handle h = m.ioctl(p, f, new QxlIoctl.Alloc(5000)).value();
        long offset = m.ioctl(p, f, new QxlIoctl.Map(h)).value().value();
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeMapDumb(h)).value().value()).isEqualTo(offset);
        assertThat(m.backend.mmap(p, MmapRequest.shared(f, offset, 2 * PAGE, Mman.PROT_READ)).isOk()).isTrue();
        assertErrno(m.backend.mmap(p, MmapRequest.shared(f, offset, 3 * PAGE, Mman.PROT_READ)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new QxlIoctl.Map(new Handle(999))), Errno.ENOENT);

        Pid user = m.backend.spawn(Credentials.user(1000)).value();
        Fd g = m.card(user);
        assertErrno(m.ioctl(user, g, new QxlIoctl.GetParam(QxlIoctl.PARAM_MAX_RELOCS)), Errno.EACCES);
        Magic magic = m.ioctl(user, g, new DrmIoctl.GetMagic()).value();
        assertThat(m.ioctl(p, f, new DrmIoctl.AuthMagic(magic)).isOk()).isTrue();
        assertThat(m.ioctl(user, g, new QxlIoctl.Alloc((int) PAGE)).isOk()).isTrue();
    }
}
