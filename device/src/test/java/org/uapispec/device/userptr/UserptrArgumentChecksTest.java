package org.uapispec.device.userptr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.userptr.Userptrs.PAGE;
import static org.uapispec.device.userptr.Userptrs.row;

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
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.profile.GemRules;
import org.uapispec.device.profile.MmapRules;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.profile.UserptrRules;

/**
 * The userptr ioctl's argument checks: the same request on each profile gets that driver's and
 * era's answer [27-41], with the seed's and exynos's own checks.
 */
class UserptrArgumentChecksTest {
    private static final Object OK = "ok";
    /** exynos when gup pins part of the range: a positive return, read as success, no handle written. */
    private static final Object NO_HANDLE = "ok, handle field untouched";
    private static final int RO = I915Ioctl.USERPTR_READ_ONLY;
    private static final int PROBE = I915Ioctl.USERPTR_PROBE;
    private static final int MIRROR = I915Ioctl.USERPTR_GPU_MIRROR;
    private static final int UNSYNC = I915Ioctl.USERPTR_UNSYNCHRONIZED;

    static void assertAnswer(Outcome<Handle> outcome, Object expected) {
        if (expected == NO_HANDLE) {
            Machine.assertOk(outcome).isEqualTo(new Handle(0));
        } else if (expected == OK) {
            Machine.assertOk(outcome).isNotNull();
            assertThat(outcome.value().value()).as("handle").isPositive();
        } else {
            Machine.assertErrno(outcome, (Errno) expected);
        }
    }

    /** Creates over 4 mapped pages, offset and sized as asked. */
    private static Outcome<Handle> onMapped(Profile profile, long offset, long size, int flags) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(4);
        return rig.userptr(base + offset, size, flags);
    }

    static Stream<Arguments> unalignedPointer() {
        return Stream.of(row(Profiles.I915_2014, Errno.EINVAL), row(Profiles.I915_2019, Errno.EINVAL),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unalignedPointer")
    @DisplayName("[31] ptr + 1 is EINVAL on i915; exynos does not check the pointer")
    void unalignedPointer(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 1, PAGE, 0), expected);
    }

    static Stream<Arguments> unalignedSize() {
        return Stream.of(row(Profiles.I915_2014, Errno.EINVAL), row(Profiles.I915_2019, Errno.EINVAL),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unalignedSize")
    @DisplayName("[32] size PAGE_SIZE - 1 is EINVAL on i915; exynos rounds it up")
    void unalignedSize(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, PAGE - 1, 0), expected);
    }

    static Stream<Arguments> zeroSize() {
        return Stream.of(row(Profiles.I915_2014, OK), row(Profiles.I915_2019, Errno.EINVAL),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("zeroSize")
    @DisplayName("[29] size 0: the seed has no check; EINVAL since c11c7bfd and on exynos")
    void zeroSize(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, 0, 0), expected);
    }

    static Stream<Arguments> hugeSize() {
        return Stream.of(row(Profiles.I915_2014, Errno.EINVAL), row(Profiles.I915_2019, Errno.E2BIG),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("hugeSize")
    @DisplayName("[30] size ~0: alignment first in the seed and today, E2BIG first in 5.7-5.12")
    void hugeSize(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, -1L, 0), expected);
    }

    static Stream<Arguments> overVmTotal() {
        return Stream.of(row(Profiles.I915_2014, Errno.E2BIG), row(Profiles.I915_2019, OK),
                row(Profiles.I915, OK), row(Profiles.EXYNOS_2012, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overVmTotal")
    @DisplayName("[30] 4 GiB: over the seed's 2 GiB VM E2BIG, over exynos's 16 MiB limit EINVAL, lazy OK today")
    void overVmTotal(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, 4L << 30, 0), expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#four")
    @DisplayName("[28] flags ~0 is EINVAL everywhere")
    void allFlags(Profile profile) {
        assertAnswer(onMapped(profile, 0, PAGE, ~0), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#four")
    @DisplayName("[33] a range past TASK_SIZE is EFAULT (access_ok on i915, gup on exynos)")
    void outsideUserSpace(Profile profile) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        assertAnswer(rig.userptr(AddressSpace.TASK_SIZE - PAGE, 2 * PAGE, 0), Errno.EFAULT);
        assertAnswer(rig.userptr(-PAGE, PAGE, 0), Errno.EFAULT);
    }

    static Stream<Arguments> readOnly() {
        return Stream.of(row(Profiles.I915_2014, Errno.ENODEV), row(Profiles.I915_2019, OK),
                row(Profiles.I915, OK), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("readOnly")
    @DisplayName("[40, 41] READ_ONLY: ENODEV in the seed, allowed with read-only PTEs (bit 0 is NONCONTIG on exynos)")
    void readOnly(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, PAGE, RO), expected);
    }

    static Stream<Arguments> gpuMirror() {
        return Stream.of(row(Profiles.I915_2014, Errno.ENODEV), row(Profiles.I915_2019, Errno.EINVAL),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gpuMirror")
    @DisplayName("GPU_MIRROR: known to the seed (ENODEV without 48-bit PPGTT), unknown later")
    void gpuMirror(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, PAGE, MIRROR), expected);
    }

    static Stream<Arguments> unsyncAsRoot() {
        return Stream.of(row(Profiles.I915_2014, OK), row(Profiles.I915_2019, OK),
                row(Profiles.I915, Errno.ENODEV), row(Profiles.EXYNOS_2012, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsyncAsRoot")
    @DisplayName("[38, 39] UNSYNCHRONIZED as root: allowed until 5.12, ENODEV today")
    void unsyncAsRoot(Profile profile, Object expected) {
        assertAnswer(onMapped(profile, 0, PAGE, UNSYNC), expected);
    }

    static Stream<Arguments> unsyncAsUser() {
        return Stream.of(row(Profiles.I915_2014, Errno.EPERM), row(Profiles.I915_2019, Errno.EPERM),
                row(Profiles.I915, Errno.ENODEV), row(Profiles.EXYNOS_2012, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unsyncAsUser")
    @DisplayName("[38, 39] UNSYNCHRONIZED without CAP_SYS_ADMIN: EPERM until 5.12, ENODEV today")
    void unsyncAsUser(Profile profile, Object expected) {
        Machine m = new Machine(profile);
        Pid user = m.spawnUser(1000);
        Fd fd = m.render(user);
        long base = m.anon(user, 1);
        assertAnswer(m.ioctl(user, fd, new I915Ioctl.GemUserptr(base, PAGE, UNSYNC)), expected);
    }

    static Stream<Arguments> probeUnmapped() {
        return Stream.of(row(Profiles.I915_2014, Errno.EINVAL), row(Profiles.I915_2019, Errno.EINVAL),
                row(Profiles.I915, Errno.EFAULT), row(Profiles.EXYNOS_2012, NO_HANDLE));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("probeUnmapped")
    @DisplayName("[36] PROBE over a hole: EFAULT today, an unknown flag before 5.14, exynos pins one page and stops")
    void probeUnmapped(Profile profile, Object expected) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(3);
        rig.munmap(base + PAGE, PAGE);
        assertAnswer(rig.userptr(base, 3 * PAGE, PROBE), expected);
    }

    @Test
    @DisplayName("[36] PROBE over mapped memory creates on i915")
    void probeMapped() {
        assertAnswer(onMapped(Profiles.I915, 0, 4 * PAGE, PROBE), OK);
    }

    static Stream<Arguments> context() {
        return Stream.of(row(Profiles.I915_2014, Errno.ENOENT), row(Profiles.I915_2019, OK),
                row(Profiles.I915, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("context")
    @DisplayName("seed: an unknown ctx_id is ENOENT (i915_gem_context_get); later structs have no such field")
    void unknownContext(Profile profile, Object expected) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        assertAnswer(rig.m.ioctl(rig.pid, rig.fd, new I915Ioctl.GemUserptr(base, PAGE, 0, 7)), expected);
    }

    @Test
    @DisplayName("seed check order: READ_ONLY (ENODEV) before VM total (E2BIG) before GPU_MIRROR (ENODEV)")
    void seedOrder() {
        assertAnswer(onMapped(Profiles.I915_2014, 0, 4L << 30, RO), Errno.ENODEV);
        assertAnswer(onMapped(Profiles.I915_2014, 0, 4L << 30, MIRROR), Errno.E2BIG);
        assertAnswer(onMapped(Profiles.I915_2014, 1, PAGE, RO), Errno.EINVAL);
        assertAnswer(onMapped(Profiles.I915_2014, 0, PAGE, 0x2 | RO), Errno.EINVAL);
    }

    @Test
    @DisplayName("seed check order: argument errors before the UNSYNCHRONIZED EPERM")
    void seedOrderUnsync() {
        Machine m = new Machine(Profiles.I915_2014);
        Pid user = m.spawnUser(1000);
        Fd fd = m.render(user);
        assertAnswer(m.ioctl(user, fd, new I915Ioctl.GemUserptr(0x10001, PAGE, UNSYNC)), Errno.EINVAL);
        assertAnswer(m.ioctl(user, fd, new I915Ioctl.GemUserptr(-PAGE, PAGE, UNSYNC)), Errno.EFAULT);
    }

    @Test
    @DisplayName("today's order: UNSYNCHRONIZED (ENODEV) after access_ok and before PROBE")
    void modernOrder() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.I915);
        assertAnswer(rig.userptr(-PAGE, PAGE, UNSYNC), Errno.EFAULT);
        assertAnswer(rig.userptr(0x7000_0000L, PAGE, UNSYNC | PROBE), Errno.ENODEV);
    }

    @Test
    @DisplayName("[34] a NULL pointer creates on i915 (lazy) and fails at creation on exynos")
    void nullPointer() {
        for (Profile profile : Userptrs.I915_ERAS) {
            assertAnswer(new Userptrs.Rig(profile).userptr(0, PAGE, 0), OK);
        }
        assertAnswer(new Userptrs.Rig(Profiles.EXYNOS_2012).userptr(0, PAGE, 0), Errno.EFAULT);
    }

    @Test
    @DisplayName("exynos: 16 MiB is the limit, one page more is EINVAL")
    void exynosLimit() {
        assertAnswer(onMapped(Profiles.EXYNOS_2012, 0, 16L << 20, 0), NO_HANDLE); // only 4 pages mapped
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.EXYNOS_2012);
        long base = rig.anon(4097);
        assertAnswer(rig.userptr(base, 16L << 20, 0), OK);
        assertAnswer(rig.userptr(base, (16L << 20) + 1, 0), Errno.EINVAL);
    }

    private static Profile onHardware(boolean llcOrSnoop, boolean readOnlyPtes) {
        UserptrRules rules = UserptrRules.I915.with(r -> {
            r.hasLlcOrSnoop = llcOrSnoop;
            r.readOnlyPtes = readOnlyPtes;
        });
        return new Profile("i915-test", "i915 on other hardware", Profiles.I915.driver(), Profiles.I915.follows(),
                GemRules.MODERN, rules, MmapRules.I915, Profiles.I915.system());
    }

    @Test
    @DisplayName("[27] without LLC and snooping every request is ENODEV, even bad flags")
    void noCoherency() {
        Profile profile = onHardware(false, true);
        assertAnswer(onMapped(profile, 0, PAGE, 0), Errno.ENODEV);
        assertAnswer(onMapped(profile, 1, PAGE, ~0), Errno.ENODEV);
    }

    @Test
    @DisplayName("[41] READ_ONLY without read-only PTEs is ENODEV today")
    void readOnlyWithoutPtes() {
        assertAnswer(onMapped(onHardware(true, false), 0, PAGE, RO), Errno.ENODEV);
        assertAnswer(onMapped(onHardware(true, false), 0, PAGE, 0), OK);
    }
}
