package org.uapispec.device.process;

import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.device.profile.Profiles;

class ObservationTest {
    private final Machine m = new Machine(Profiles.I915);
    private final Fd fd = m.card(m.root);

    @Test
    @DisplayName("handleValid and handleCount follow create and close without changing anything")
    void handles() {
        Handle h = m.create(m.root, fd, PAGE);
        assertOk(m.backend.handleValid(m.root, fd, h)).isEqualTo(true);
        assertOk(m.backend.handleValid(m.root, fd, new Handle(h.value() | 1 << 16))).isEqualTo(false);
        assertOk(m.backend.handleCount(m.root, fd)).isEqualTo(1);
        m.close(m.root, fd, h);
        assertOk(m.backend.handleValid(m.root, fd, h)).isEqualTo(false);
        assertOk(m.backend.handleCount(m.root, fd)).isEqualTo(0);
        assertErrno(m.backend.handleCount(m.root, new Fd(77)), Errno.EBADF);
    }

    @Test
    @DisplayName("mapped follows mmap and munmap")
    void mapped() {
        long a = m.anon(m.root, 2);
        assertOk(m.backend.mapped(m.root, a + PAGE + 5)).isEqualTo(true);
        m.backend.munmap(m.root, a + PAGE, PAGE);
        assertOk(m.backend.mapped(m.root, a + PAGE + 5)).isEqualTo(false);
        assertOk(m.backend.mapped(m.root, a)).isEqualTo(true);
    }
}
