package org.uapispec.device.userptr;

import static org.uapispec.device.userptr.Userptrs.PAGE;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** The overlap rule: EINVAL in the seed [43], allowed later [44, 45], EAGAIN while a gup worker is pending. */
class UserptrOverlapTest {
    private static final int UNSYNC = I915Ioctl.USERPTR_UNSYNCHRONIZED;

    /** The IGT test_overlap shapes against an object over pages 1-2 of a 4-page area: {offset, pages}. */
    static Stream<Arguments> shapes() {
        long[][] shapes = {{0, 2}, {2, 2}, {1, 2}, {1, 1}, {2, 1}, {0, 4}};
        String[] names = {"before", "after", "exact", "start", "end", "subsume"};
        return Userptrs.four().flatMap(p -> Stream.of(0, 1, 2, 3, 4, 5)
                .map(i -> Arguments.of(p, names[i], shapes[i][0], shapes[i][1])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("shapes")
    @DisplayName("[43, 44, 45] a synchronized overlap: EINVAL in the seed, allowed from 3.18, on exynos")
    void synchronizedOverlap(Profile profile, String shape, long offset, long pages) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(4);
        Machine.assertOk(rig.userptr(base + PAGE, 2 * PAGE, 0));
        Outcome<Handle> second = rig.userptr(base + offset * PAGE, pages * PAGE, 0);
        if (profile == Profiles.I915_2014) {
            Machine.assertErrno(second, Errno.EINVAL);
        } else {
            Machine.assertOk(second);
        }
    }

    @Test
    @DisplayName("[43] the seed: neighbours touching at a page boundary do not overlap")
    void adjacentIsNoOverlap() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2014);
        long base = rig.anon(4);
        Machine.assertOk(rig.userptr(base + PAGE, PAGE, 0));
        Machine.assertOk(rig.userptr(base, PAGE, 0));
        Machine.assertOk(rig.userptr(base + 2 * PAGE, 2 * PAGE, 0));
    }

    @Test
    @DisplayName("[43] the seed: unsynchronized objects may overlap anything (they have no notifier)")
    void unsynchronizedOverlap() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2014);
        long base = rig.anon(4);
        Machine.assertOk(rig.userptr(base, 2 * PAGE, UNSYNC));
        Machine.assertOk(rig.userptr(base, 2 * PAGE, 0));
        Machine.assertOk(rig.userptr(base, 2 * PAGE, UNSYNC));
        Machine.assertErrno(rig.userptr(base + PAGE, PAGE, 0), Errno.EINVAL);
    }

    @Test
    @DisplayName("[43] the seed: the rule is per process (per mm), not per device")
    void otherProcessMayOverlap() {
        Machine m = new Machine(Profiles.I915_2014);
        Fd fd = m.render(m.root);
        long base = m.anon(m.root, 2);
        Machine.assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(base, 2 * PAGE, 0)));
        Pid other = m.spawnUser(1000);
        Fd otherFd = m.render(other);
        long same = m.backend.mmap(other, org.uapispec.api.MmapRequest.anonymous(2 * PAGE, Machine.RW)
                .withAddr(base)).value();
        org.assertj.core.api.Assertions.assertThat(same).isEqualTo(base);
        Machine.assertOk(m.ioctl(other, otherFd, new I915Ioctl.GemUserptr(base, 2 * PAGE, 0)));
        Machine.assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(base, PAGE, 0)), Errno.EINVAL);
    }

    static Stream<Arguments> whilePinning() {
        return Stream.of(Arguments.of(Profiles.I915_2014, Errno.EAGAIN, Errno.EINVAL),
                Arguments.of(Profiles.I915_2019, Errno.EAGAIN, null),
                Arguments.of(Profiles.I915, null, null));
    }

    @ParameterizedTest(name = "{0}: {1} then {2}")
    @MethodSource("whilePinning")
    @DisplayName("[43, 44, 56] an overlap while the first object's gup worker is pending: EAGAIN, then the rule")
    void overlapWhilePinning(Profile profile, Errno first, Errno retry) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(4);
        Handle a = rig.userptr(base, 2 * PAGE, 0).value();
        rig.munmap(base + PAGE, PAGE);
        Outcome<Void> use = rig.exec(a);
        if (first == null) {
            Machine.assertErrno(use, Errno.EFAULT); // no workers today: synchronous gup
        } else {
            Machine.assertErrno(use, Errno.EAGAIN); // fast gup failed: a worker is queued
        }
        expect(rig.userptr(base + PAGE, 2 * PAGE, 0), first);
        expect(rig.userptr(base + PAGE, 2 * PAGE, 0), retry); // the worker flushed during the EAGAIN
        Machine.assertErrno(rig.exec(a), Errno.EFAULT); // the worker's error, or today's gup
    }

    @Test
    @DisplayName("[43] the seed: a closed object stays in the tree until its pending worker flushes")
    void closedObjectWithPendingWorker() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2014);
        long base = rig.anon(2);
        rig.munmap(base, 2 * PAGE);
        Handle a = rig.userptr(base, 2 * PAGE, 0).value();
        Machine.assertErrno(rig.exec(a), Errno.EAGAIN);
        Machine.assertOk(rig.m.close(rig.pid, rig.fd, a));
        Machine.assertErrno(rig.userptr(base, PAGE, 0), Errno.EAGAIN);
        Machine.assertOk(rig.userptr(base, PAGE, 0));
    }

    @Test
    @DisplayName("[29, 43] the seed: a zero-size object is the inverted node [ptr, ptr - 1]")
    void zeroSizeNode() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915_2014);
        long base = rig.anon(4);
        Machine.assertOk(rig.userptr(base, 2 * PAGE, 0));
        Machine.assertErrno(rig.userptr(base + PAGE, 0, 0), Errno.EINVAL); // inside: holds ptr - 1 and ptr
        Machine.assertOk(rig.userptr(base, 0, 0)); // at the start: ptr - 1 is outside
        Machine.assertOk(rig.userptr(base + 2 * PAGE, 0, 0)); // at the end: ptr is outside
        Machine.assertErrno(rig.userptr(base + PAGE * 2 - PAGE, 2 * PAGE, 0), Errno.EINVAL);
        Machine.assertOk(rig.userptr(base + 3 * PAGE, PAGE, 0)); // does not hold base + 2 pages - 1
        Machine.assertErrno(rig.userptr(base + 2 * PAGE - PAGE, PAGE * 3, 0), Errno.EINVAL);
    }

    private static void expect(Outcome<Handle> outcome, Errno errno) {
        if (errno == null) {
            Machine.assertOk(outcome);
        } else {
            Machine.assertErrno(outcome, errno);
        }
    }
}
