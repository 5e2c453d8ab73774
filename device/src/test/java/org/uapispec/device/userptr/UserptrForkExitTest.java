package org.uapispec.device.userptr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.userptr.Userptrs.PAGE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** A forked child using its parent's userptr [49]; a process exiting with live userptr objects [50]. */
class UserptrForkExitTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#i915Eras")
    @DisplayName("[49] a child submitting its parent's userptr: EFAULT today; a gup worker pins the parent's pages before")
    void forkedAccess(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        Pid child = rig.m.backend.fork(rig.pid).value();
        if (profile == Profiles.I915) {
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT);
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT);
        } else {
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EAGAIN); // not current->mm: no fast gup
            Machine.assertOk(rig.exec(child, rig.fd, h));
        }
        Machine.assertOk(rig.exec(h)); // the parent's own use works in every era
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#i915Eras")
    @DisplayName("[49] after the parent pinned the pages: the child's use is still EFAULT today (mm check first), OK before")
    void forkedAccessAfterParentUse(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        Machine.assertOk(rig.exec(h));
        Pid child = rig.m.backend.fork(rig.pid).value();
        if (profile == Profiles.I915) {
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT);
        } else {
            Machine.assertOk(rig.exec(child, rig.fd, h));
        }
        Machine.assertOk(rig.exec(h));
    }

    @Test
    @DisplayName("[35, 49] today SET_DOMAIN from the child is EFAULT too: it validates through the same mm check")
    void forkedSetDomainAfterParentPinned() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        Machine.assertOk(rig.exec(h));
        Pid child = rig.m.backend.fork(rig.pid).value();
        Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT);
        Machine.assertErrno(rig.m.ioctl(child, rig.fd, new org.uapispec.api.I915Ioctl.GemSetDomain(h,
                org.uapispec.api.I915Ioctl.DOMAIN_CPU, 0)), Errno.EFAULT);
        Machine.assertOk(rig.exec(h));
    }

    @Test
    @DisplayName("[49] 5.5-5.12: the object keeps the parent's pages, not the child's copy")
    void forkedBytes() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2019);
        long base = rig.anon(1);
        Machine.assertOk(rig.write(base, Machine.bytes("parent")));
        Handle h = rig.userptr(base, PAGE, 0).value();
        Pid child = rig.m.backend.fork(rig.pid).value();
        Machine.assertOk(rig.m.backend.write(child, base, Machine.bytes("child!")));
        Machine.assertOk(rig.m.ioctl(child, rig.fd, new org.uapispec.api.I915Ioctl.GemPread(h, 0, 6)))
                .isEqualTo(Machine.bytes("parent"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#four")
    @DisplayName("[50] exit with live, used userptr objects tears down cleanly")
    void exitWithLiveObjects(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(4);
        Handle a = rig.userptr(base, 2 * PAGE, 0).value();
        rig.userptr(base + 2 * PAGE, 2 * PAGE, 0).value();
        if (profile != Profiles.EXYNOS_2012) {
            rig.exec(a);
            rig.userptr(0, PAGE, 0).value();
        }
        assertThat(rig.m.backend.describeState()).contains("userptr");
        Machine.assertOk(rig.m.backend.exit(rig.pid));
        assertThat(rig.m.backend.describeState()).doesNotContain("userptr");
    }

    @Test
    @DisplayName("[50] exit while a gup worker is pending tears down cleanly (2014)")
    void exitWithPendingWorker() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2014);
        Handle h = rig.userptr(0, PAGE, 0).value();
        Machine.assertErrno(rig.exec(h), Errno.EAGAIN);
        Machine.assertOk(rig.m.backend.exit(rig.pid));
        assertThat(rig.m.backend.describeState()).doesNotContain("userptr");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#i915Eras")
    @DisplayName("[49, 50] the creator exits while a child keeps the file: its mm is gone, the child's use is EFAULT")
    void creatorExits(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        Machine.assertOk(rig.exec(h));
        Pid child = rig.m.backend.fork(rig.pid).value();
        Machine.assertOk(rig.m.backend.exit(rig.pid));
        assertThat(rig.m.backend.describeState()).contains("userptr").contains("unpinned");
        if (profile == Profiles.I915) {
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT);
        } else {
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EAGAIN);
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT); // the worker found no mapping
        }
        Machine.assertOk(rig.m.backend.exit(child));
        assertThat(rig.m.backend.describeState()).doesNotContain("userptr");
    }
}
