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
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * What a userptr object refuses, per profile: mmap offsets [51], pread/pwrite [52], PRIME export
 * [53]. The mmap-offset and PRIME ioctls ask the storage; these tests ask it the same way.
 */
class UserptrRefusalsTest {
    private static final Object OK = "ok";

    private static void assertAnswer(Outcome<?> outcome, Object expected) {
        if (expected == OK) {
            Machine.assertOk(outcome);
        } else {
            Machine.assertErrno(outcome, (Errno) expected);
        }
    }

    private static UserptrStorage fresh(Model model, int flags) {
        long base = model.anon(1);
        return model.storage(model.userptr(base, PAGE, flags).value());
    }

    static Stream<Arguments> mmapOffsets() {
        return Stream.of(row(Profiles.I915_2014, OK), row(Profiles.I915_2019, Errno.ENODEV),
                row(Profiles.I915, Errno.ENODEV), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("mmapOffsets")
    @DisplayName("[51] mmap offsets: ENODEV (NO_MMAP) from 5.5; the seed still GTT-maps page-aligned userptr")
    void mmapOffsets(Profile profile, Object expected) {
        UserptrStorage storage = fresh(new Model(profile), 0);
        for (I915Ioctl.MmapType type : I915Ioctl.MmapType.values()) {
            assertAnswer(storage.offsetAllowed(type.name()), expected);
        }
        assertAnswer(storage.offsetAllowed("dumb"), expected);
        assertThat(storage.hasShmemFile()).as("[86, 95] no shmem file").isFalse();
    }

    static Stream<Arguments> preadPwrite() {
        return Stream.of(row(Profiles.I915_2014, Errno.EINVAL), row(Profiles.I915_2019, OK),
                row(Profiles.I915, Errno.EINVAL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("preadPwrite")
    @DisplayName("[52] pread/pwrite: EINVAL today and in the seed (no shmem filp, 'banned'), allowed 5.5-5.12")
    void preadPwrite(Profile profile, Object expected) {
        Userptrs.Rig rig = new Userptrs.Rig(profile);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        assertAnswer(rig.pread(h, 0, 4), expected);
        assertAnswer(rig.pwrite(h, 0, Machine.bytes("data")), expected);
    }

    @Test
    @DisplayName("[52] exynos has no pread/pwrite ioctl at all: EINVAL from the driver table")
    void exynosHasNoPread() {
        Userptrs.Rig rig = new Userptrs.Rig(Profiles.EXYNOS_2012);
        long base = rig.anon(1);
        Handle h = rig.userptr(base, PAGE, 0).value();
        Machine.assertErrno(rig.pread(h, 0, 4), Errno.EINVAL);
    }

    static Stream<Arguments> export() {
        return Stream.of(row(Profiles.I915_2014, OK), row(Profiles.I915_2019, OK),
                row(Profiles.I915, Errno.EINVAL), row(Profiles.EXYNOS_2012, OK));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("export")
    @DisplayName("[53] PRIME export: EINVAL today, allowed before (and its dma-buf has no shmem file to mmap)")
    void export(Profile profile, Object expected) {
        UserptrStorage storage = fresh(new Model(profile), 0);
        assertAnswer(storage.exportAllowed(), expected);
        assertThat(storage.hasShmemFile()).isFalse();
    }

    @Test
    @DisplayName("[53] before 5.13 exporting an unsynchronized userptr gives it an MMU notifier, under the overlap rule")
    void exportSynchronizesUnsync() {
        for (Profile profile : new Profile[] {Profiles.I915_2014, Profiles.I915_2019}) {
            Model model = new Model(profile);
            long base = model.anon(2);
            model.userptr(base, PAGE, 0).value();
            UserptrStorage unsync = model.storage(
                    model.userptr(base, 2 * PAGE, I915Ioctl.USERPTR_UNSYNCHRONIZED).value());
            assertThat(unsync.synchronizedWithMm()).isFalse();
            Outcome<Void> exported = unsync.exportAllowed();
            if (profile == Profiles.I915_2014) {
                Machine.assertErrno(exported, Errno.EINVAL); // overlaps the synchronized object
                assertThat(unsync.synchronizedWithMm()).isFalse();
                continue;
            }
            Machine.assertOk(exported);
            assertThat(unsync.synchronizedWithMm()).isTrue();
            Machine.assertOk(unsync.useOnGpu(model.process));
            Machine.assertOk(model.process.memory().unmap(base, PAGE));
            assertThat(unsync.hasPages()).as("now invalidated like a synchronized object").isFalse();
        }
    }

    @Test
    @DisplayName("[42] the storage reports read-only objects, which pwrite and writable mappings refuse")
    void readOnlyReported() {
        assertThat(fresh(new Model(Profiles.I915), I915Ioctl.USERPTR_READ_ONLY).readOnly()).isTrue();
        assertThat(fresh(new Model(Profiles.I915), 0).readOnly()).isFalse();
        assertThat(fresh(new Model(Profiles.EXYNOS_2012), I915Ioctl.USERPTR_READ_ONLY).readOnly())
                .as("bit 0 is EXYNOS_BO_NONCONTIG").isFalse();
    }
}
