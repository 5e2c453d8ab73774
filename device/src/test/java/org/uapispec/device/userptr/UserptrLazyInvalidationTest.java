package org.uapispec.device.userptr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.userptr.Userptrs.PAGE;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Lazy validation and the MMU notifier: errors surface at the first use [34, 35], a change to the
 * range drops the pages [46], closing first is harmless [47]. Up to 5.12 a use that cannot pin on the
 * fast path answers EAGAIN once (a gup worker is queued) and the worker's result on the retry [56].
 */
class UserptrLazyInvalidationTest {

    /** What a use of an object whose range cannot be pinned answers, call after call. */
    private static void assertFailsAtUse(Profile profile, Outcome<Void> first, Outcome<Void> second) {
        if (profile == Profiles.I915) {
            Machine.assertErrno(first, Errno.EFAULT);
            Machine.assertErrno(second, Errno.EFAULT);
        } else {
            Machine.assertErrno(first, Errno.EAGAIN);
            Machine.assertErrno(second, Errno.EFAULT);
        }
    }

    static Stream<Profile> eras() {
        return Userptrs.i915Eras();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[34] a NULL userptr creates and fails at its first GPU use")
    void nullPointer(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        Handle h = rig.userptr(0, PAGE, 0).value();
        assertFailsAtUse(profile, rig.exec(h), rig.exec(h));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[35] SET_DOMAIN is the cheap probe: 0 while mapped, EFAULT after munmap")
    void setDomainProbe(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(2);
        Handle h = rig.userptr(base, 2 * PAGE, 0).value();
        Machine.assertOk(rig.setDomain(h));
        Machine.assertOk(rig.munmap(base + PAGE, PAGE));
        assertFailsAtUse(profile, rig.setDomain(h), rig.setDomain(h));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[46] munmap after use: the next execbuf is EFAULT (sync)")
    void munmapAfterUse(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(4);
        Handle a = rig.userptr(base, 2 * PAGE, 0).value();
        Handle b = rig.userptr(base + 2 * PAGE, 2 * PAGE, 0).value();
        Machine.assertOk(rig.exec(a, b));
        Machine.assertOk(rig.munmap(base, 2 * PAGE));
        assertFailsAtUse(profile, rig.exec(a), rig.exec(a));
        Machine.assertOk(rig.exec(b)); // the notifier hit only the object over the unmapped range
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[46, 48] MAP_FIXED over the range: pages dropped, the next use pins the new memory")
    void mapFixedReplaces(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(2);
        Handle h = rig.userptr(base, 2 * PAGE, 0).value();
        Machine.assertOk(rig.exec(h));
        rig.mapFixed(base, 2, Machine.RW);
        Machine.assertOk(rig.exec(h));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[47] GEM_CLOSE then munmap is harmless, and the range is free again")
    void closeThenMunmap(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(2);
        Handle h = rig.userptr(base, 2 * PAGE, 0).value();
        Machine.assertOk(rig.exec(h));
        Machine.assertOk(rig.m.close(rig.pid, rig.fd, h));
        Machine.assertOk(rig.munmap(base, 2 * PAGE));
        Machine.assertErrno(rig.exec(h), Errno.ENOENT);
        rig.mapFixed(base, 2, Machine.RW);
        Machine.assertOk(rig.userptr(base, 2 * PAGE, 0)); // no overlap with the closed object, even in 2014
    }

    @Test
    @DisplayName("[46] up to 5.12 an unsynchronized object keeps its stale pages after munmap")
    void unsyncKeepsStalePages() {
        for (Profile profile : new Profile[] {Profiles.I915_2014, Profiles.I915_2019}) {
            Userptrs.Rig rig = new Userptrs.Rig(profile);
            long base = rig.anon(2);
            Handle h = rig.userptr(base, 2 * PAGE, I915Ioctl.USERPTR_UNSYNCHRONIZED).value();
            Machine.assertOk(rig.exec(h));
            Machine.assertOk(rig.munmap(base, 2 * PAGE));
            Machine.assertOk(rig.exec(h));
        }
    }

    @Test
    @DisplayName("[46] 5.5-5.12: the bytes after MAP_FIXED: a synchronized object sees the new memory, an unsynchronized one the old")
    void bytesAfterReplacement() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2019);
        long base = rig.anon(1);
        Handle sync = rig.userptr(base, PAGE, 0).value();
        Handle unsync = rig.userptr(base, PAGE, I915Ioctl.USERPTR_UNSYNCHRONIZED).value();
        Machine.assertOk(rig.write(base, Machine.bytes("old")));
        Machine.assertOk(rig.exec(sync, unsync));
        rig.mapFixed(base, 1, Machine.RW);
        Machine.assertOk(rig.write(base, Machine.bytes("new")));
        Machine.assertOk(rig.pread(sync, 0, 3)).isEqualTo(Machine.bytes("new"));
        Machine.assertOk(rig.pread(unsync, 0, 3)).isEqualTo(Machine.bytes("old"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[46, 41] mprotect(PROT_READ) invalidates: a writable pin fails, a read-only object re-pins")
    void mprotectReadOnly(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        Handle rw = rig.userptr(base, PAGE, 0).value();
        Machine.assertOk(rig.exec(rw));
        Machine.assertOk(rig.m.backend.mprotect(rig.pid, base, PAGE, Mman.PROT_READ));
        assertFailsAtUse(profile, rig.exec(rw), rig.exec(rw));
        if (profile != Profiles.I915_2014) {
            Handle ro = rig.userptr(base, PAGE, I915Ioctl.USERPTR_READ_ONLY).value();
            Machine.assertOk(rig.exec(ro)); // pinned without FOLL_WRITE [41]
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[37] a userptr over a PFN mapping (GEM mmap) creates without PROBE and fails at use; anonymous parts work")
    void overPfnMapping(Profile profile) {
        long[][] shapes = {{1, 1}, {0, 2}, {1, 2}}; // exact, straddling its start, straddling its end
        for (long[] shape : shapes) {
            Model model = pfnInTheMiddle(profile);
            long base = model.process.memory().overlapping(0, Long.MAX_VALUE).get(0).start();
            UserptrStorage storage = model.storage(model.userptr(base + shape[0] * PAGE, shape[1] * PAGE, 0).value());
            assertFailsAtUse(profile, storage.useOnGpu(model.process), storage.useOnGpu(model.process));
        }
        Model model = pfnInTheMiddle(profile);
        long base = model.process.memory().overlapping(0, Long.MAX_VALUE).get(0).start();
        UserptrStorage anonymous = model.storage(model.userptr(base + 2 * PAGE, 2 * PAGE, 0).value());
        Machine.assertOk(anonymous.useOnGpu(model.process));
        assertThat(anonymous.hasPages()).isTrue();
        if (profile == Profiles.I915) {
            Machine.assertErrno(model.userptr(base, 2 * PAGE, I915Ioctl.USERPTR_PROBE), Errno.EFAULT); // [36]
        }
    }

    /** Four pages of anonymous memory whose second page is replaced by a PFN mapping. */
    private static Model pfnInTheMiddle(Profile profile) {
        Model model = new Model(profile);
        long base = model.anon(4);
        model.map(base + PAGE, 1, new PfnBacking(), 7, Mman.MAP_SHARED | Mman.MAP_FIXED);
        return model;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eras")
    @DisplayName("[46] only the pages go: the object stays, re-pins, and other objects keep theirs")
    void invalidationDropsPagesOnly(Profile profile) {
        Model model = new Model(profile);
        long base = model.anon(4);
        UserptrStorage left = model.storage(model.userptr(base, 2 * PAGE, 0).value());
        UserptrStorage right = model.storage(model.userptr(base + 2 * PAGE, 2 * PAGE, 0).value());
        Machine.assertOk(left.useOnGpu(model.process));
        Machine.assertOk(right.useOnGpu(model.process));
        Machine.assertOk(model.process.memory().protect(base + PAGE, PAGE, Mman.PROT_READ | Mman.PROT_WRITE));
        assertThat(left.hasPages()).isFalse();
        assertThat(right.hasPages()).isTrue();
        Machine.assertOk(left.useOnGpu(model.process));
        assertThat(left.hasPages()).isTrue();
    }

    @Test
    @DisplayName("[56] an invalidation while a gup worker is pending cancels it: its result is ignored, the next use queues another")
    void invalidationCancelsPendingWorker() {
        for (Profile profile : new Profile[] {Profiles.I915_2014, Profiles.I915_2019}) {
            Userptrs.Rig rig = new Userptrs.Rig(profile);
            long base = rig.anon(1);
            Handle h = rig.userptr(base, PAGE, 0).value();
            org.uapispec.api.Pid child = rig.m.backend.fork(rig.pid).value();
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EAGAIN); // worker queued for the parent's mm
            Machine.assertOk(rig.munmap(base, PAGE)); // cancels it
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EAGAIN); // cancelled: no pages, no error
            Machine.assertErrno(rig.exec(child, rig.fd, h), Errno.EFAULT); // the new worker found no mapping
            rig.mapFixed(base, 1, Machine.RW);
            Machine.assertOk(rig.exec(h)); // the error was reported once; the owner's fast gup works again
        }
    }
}
