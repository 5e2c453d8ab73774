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
import org.uapispec.api.I915Ioctl;
import org.uapispec.device.process.Page;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** A userptr object's pages are the process's pages: bytes cross both ways through every allowed path. */
class UserptrSharedPagesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#four")
    @DisplayName("the pages the GPU gets are the pages the CPU writes through the pointer, both ways")
    void sharedBothWays(Profile profile) {
        Model model = new Model(profile);
        long base = model.anon(2);
        Machine.assertOk(model.process.memory().write(base + PAGE + 5, Machine.bytes("hello")));
        UserptrStorage storage = model.storage(model.userptr(base, 2 * PAGE, 0).value());
        Machine.assertOk(storage.useOnGpu(model.process));
        Page page = storage.page(1, true).value();
        byte[] seen = new byte[5];
        page.read(5, seen, 0, 5);
        assertThat(seen).isEqualTo(Machine.bytes("hello"));
        page.write(100, Machine.bytes("world"), 0, 5);
        Machine.assertOk(model.process.memory().read(base + PAGE + 100, 5)).isEqualTo(Machine.bytes("world"));
        Machine.assertOk(model.process.memory().write(base + PAGE + 5, Machine.bytes("again")));
        page.read(5, seen, 0, 5);
        assertThat(seen).isEqualTo(Machine.bytes("again"));
    }

    @Test
    @DisplayName("5.5-5.12: CPU write through the pointer -> pread, and pwrite -> CPU read")
    void preadPwriteSeeThePointer() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2019);
        long base = rig.anon(2);
        Handle h = rig.userptr(base, 2 * PAGE, 0).value();
        Machine.assertOk(rig.write(base + PAGE - 2, Machine.bytes("span")));
        Machine.assertOk(rig.pread(h, PAGE - 2, 4)).isEqualTo(Machine.bytes("span"));
        Machine.assertOk(rig.pwrite(h, 10, Machine.bytes("back")));
        Machine.assertOk(rig.read(base + 10, 4)).isEqualTo(Machine.bytes("back"));
    }

    @Test
    @DisplayName("[42] pwrite into a read-only userptr is EINVAL and the memory is unchanged (5.5-5.12)")
    void readOnlyPwrite() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2019);
        long base = rig.anon(1);
        Machine.assertOk(rig.write(base, Machine.bytes("keep")));
        Handle h = rig.userptr(base, PAGE, I915Ioctl.USERPTR_READ_ONLY).value();
        Machine.assertErrno(rig.pwrite(h, 0, Machine.bytes("lost")), Errno.EINVAL);
        Machine.assertOk(rig.read(base, 4)).isEqualTo(Machine.bytes("keep"));
        Machine.assertOk(rig.pread(h, 0, 4)).isEqualTo(Machine.bytes("keep"));
    }

    @Test
    @DisplayName("[41] a read-only userptr pins memory the process mapped PROT_READ")
    void readOnlyOverReadOnlyMemory() {
        for (Profile profile : new Profile[] {Profiles.I915_2019, Profiles.I915}) {
            Userptrs.Rig rig = new Userptrs.Rig(profile);
            long base = rig.anon(1);
            Machine.assertOk(rig.write(base, Machine.bytes("ro")));
            Machine.assertOk(rig.m.backend.mprotect(rig.pid, base, PAGE, org.uapispec.api.Mman.PROT_READ));
            Handle ro = rig.userptr(base, PAGE, I915Ioctl.USERPTR_READ_ONLY).value();
            Handle rw = rig.userptr(base, PAGE, 0).value();
            Machine.assertOk(rig.exec(ro));
            Machine.assertErrno(rig.exec(rw), profile == Profiles.I915 ? Errno.EFAULT : Errno.EAGAIN);
        }
    }

    @Test
    @DisplayName("5.5-5.12: pread pins like a first use: EAGAIN then EFAULT over a hole [56]")
    void preadPinsLazily() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2019);
        long base = rig.anon(2);
        Handle h = rig.userptr(base, 2 * PAGE, 0).value();
        rig.munmap(base, PAGE);
        Machine.assertErrno(rig.pread(h, 0, 4), Errno.EAGAIN);
        Machine.assertErrno(rig.pread(h, 0, 4), Errno.EFAULT);
    }
}
