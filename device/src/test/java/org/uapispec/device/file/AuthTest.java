package org.uapispec.device.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Magic;
import org.uapispec.api.Node;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profiles;

class AuthTest {
    private final Machine m = new Machine(Profiles.GENERIC);
    private final Pid user = m.spawnUser(1000);

    @Test
    @DisplayName("[25] GET_MAGIC is non-zero and stable for a file, and unique across files")
    void magicIsStableAndUnique() {
        m.card(user); // master
        Set<Magic> magics = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Fd client = m.card(user);
            Magic magic = m.ioctl(user, client, new DrmIoctl.GetMagic()).value();
            assertThat(magic.value()).isNotZero();
            assertOk(m.ioctl(user, client, new DrmIoctl.GetMagic())).isEqualTo(magic);
            assertThat(magics.add(magic)).as("magic %s is unique", magic).isTrue();
        }
    }

    @Test
    @DisplayName("[25] only the master authenticates, and a magic works once")
    void authOnceOnMasterOnly() {
        Fd master = m.card(user);
        Fd client = m.card(user);
        Fd bystander = m.card(user);
        Magic magic = m.ioctl(user, client, new DrmIoctl.GetMagic()).value();
        assertErrno(m.ioctl(user, bystander, new DrmIoctl.AuthMagic(magic)), Errno.EACCES);
        assertOk(m.ioctl(user, master, new DrmIoctl.AuthMagic(magic)));
        assertErrno(m.ioctl(user, master, new DrmIoctl.AuthMagic(magic)), Errno.EINVAL);
        assertErrno(m.ioctl(user, master, new DrmIoctl.AuthMagic(new Magic(0x7777))), Errno.EINVAL);
    }

    @Test
    @DisplayName("[25] root is always authenticated, without asking the master")
    void rootIsAuthenticated() {
        m.card(user); // an unprivileged master
        Fd rootFile = m.card(m.root);
        Handle h = m.create(m.root, rootFile, PAGE);
        assertOk(m.ioctl(m.root, rootFile, new DrmIoctl.GemFlink(h)));
    }

    @Test
    @DisplayName("[25] when the master closes, the next card opener becomes master")
    void masterHandover() {
        Fd first = m.card(user);
        Fd second = m.card(user);
        Magic magic = m.ioctl(user, second, new DrmIoctl.GetMagic()).value();
        assertErrno(m.ioctl(user, second, new DrmIoctl.AuthMagic(magic)), Errno.EACCES);
        m.backend.close(user, first);
        Fd third = m.card(user);
        Magic secondMagic = m.ioctl(user, second, new DrmIoctl.GetMagic()).value();
        assertOk(m.ioctl(user, third, new DrmIoctl.AuthMagic(secondMagic)));
    }

    @Test
    @DisplayName("[24] render nodes are never master and answer GET_MAGIC with EACCES")
    void renderNodes() {
        Fd render = m.render(user);
        assertErrno(m.ioctl(user, render, new DrmIoctl.GetMagic()), Errno.EACCES);
        Fd card = m.card(user);
        Magic magic = m.ioctl(user, card, new DrmIoctl.GetMagic()).value();
        assertErrno(m.ioctl(user, render, new DrmIoctl.AuthMagic(magic)), Errno.EACCES);
    }

    @Test
    @DisplayName("opening a device index the machine does not have is ENOENT")
    void noSuchDevice() {
        assertErrno(m.backend.open(user, Node.card(7)), Errno.ENOENT);
    }
}
