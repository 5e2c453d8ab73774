package org.uapispec.device.gem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profiles;

class FlinkTest {
    private final Machine m = new Machine(Profiles.I915);
    private final Fd fd = m.card(m.root);

    @Test
    @DisplayName("[18] FLINK gives a non-zero name; OPEN in another file gives a handle and the size")
    void flinkAndOpen() {
        Handle h = m.create(m.root, fd, 3 * PAGE);
        m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(h, 5, bytes("named")));
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)).value();
        assertThat(name.value()).isNotZero();

        Fd other = m.card(m.root);
        DrmIoctl.GemOpen.Result opened = m.ioctl(m.root, other, new DrmIoctl.GemOpen(name)).value();
        assertThat(opened.size()).isEqualTo(3 * PAGE);
        assertOk(m.ioctl(m.root, other, new I915Ioctl.GemPread(opened.handle(), 5, 5))).isEqualTo(bytes("named"));
    }

    @Test
    @DisplayName("[19] flinking twice gives the same name")
    void idempotent() {
        Handle h = m.create(m.root, fd, PAGE);
        FlinkName first = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)).value();
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h))).isEqualTo(first);
        Handle other = m.create(m.root, fd, PAGE);
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(other))).isNotEqualTo(first);
    }

    @Test
    @DisplayName("[20] FLINK of a bad handle and OPEN of an unknown name are ENOENT")
    void badFlinkAndOpen() {
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemFlink(new Handle(7))), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.GemOpen(new FlinkName(0x1234))), Errno.ENOENT);
    }

    @Test
    @DisplayName("[21] the name stays valid while any file holds a handle, after the creator's fd closes")
    void lifetime() {
        Handle h = m.create(m.root, fd, PAGE);
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)).value();
        Fd opener = m.card(m.root);
        m.ioctl(m.root, opener, new DrmIoctl.GemOpen(name)).value();
        m.backend.close(m.root, fd);
        Fd third = m.card(m.root);
        assertOk(m.ioctl(m.root, third, new DrmIoctl.GemOpen(name)));
    }

    @Test
    @DisplayName("[22] the name dies with the last handle")
    void nameDiesWithLastHandle() {
        Handle h = m.create(m.root, fd, PAGE);
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)).value();
        Fd other = m.card(m.root);
        Handle opened = m.ioctl(m.root, other, new DrmIoctl.GemOpen(name)).value().handle();
        m.close(m.root, fd, h);
        assertOk(m.ioctl(m.root, other, new DrmIoctl.GemFlink(opened))).isEqualTo(name);
        m.close(m.root, other, opened);
        assertErrno(m.ioctl(m.root, other, new DrmIoctl.GemOpen(name)), Errno.ENOENT);
    }

    @Test
    @DisplayName("[24] FLINK and OPEN are refused on a render node; GEM_CLOSE is allowed there")
    void renderNode() {
        Fd render = m.render(m.root);
        Handle h = m.create(m.root, render, PAGE);
        assertErrno(m.ioctl(m.root, render, new DrmIoctl.GemFlink(h)), Errno.EACCES);
        Handle shared = m.create(m.root, fd, PAGE);
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(shared)).value();
        assertErrno(m.ioctl(m.root, render, new DrmIoctl.GemOpen(name)), Errno.EACCES);
        assertOk(m.close(m.root, render, h));
    }

    @Test
    @DisplayName("[24] FLINK and OPEN need an authenticated file: EACCES until the master authenticates it")
    void authentication() {
        Pid user = m.spawnUser(1000);
        Fd unauthenticated = m.card(user);
        Handle h = m.create(user, unauthenticated, PAGE);
        assertErrno(m.ioctl(user, unauthenticated, new DrmIoctl.GemFlink(h)), Errno.EACCES);

        var magic = m.ioctl(user, unauthenticated, new DrmIoctl.GetMagic()).value();
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.AuthMagic(magic)));
        assertOk(m.ioctl(user, unauthenticated, new DrmIoctl.GemFlink(h)));
    }
}
