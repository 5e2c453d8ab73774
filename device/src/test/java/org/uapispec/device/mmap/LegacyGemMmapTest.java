package org.uapispec.device.mmap;

import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Profile;

/** The legacy I915_GEM_MMAP ioctl on an integrated part [86]. */
class LegacyGemMmapTest {

    private static Outcome<Long> gemMmap(Views v, Fd fd, Handle h, long offset, long size, long flags) {
        return v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmap(h, offset, size, flags));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#i915Profiles")
    @DisplayName("[86] GEM_MMAP maps the object in the caller: coherent with pread, alive after GEM_CLOSE")
    void mapsTheObject(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, 2 * PAGE);
        long addr = gemMmap(v, fd, h, PAGE, PAGE, I915Ioctl.MMAP_WC).value();
        assertOk(v.write(addr, "second page"));
        assertOk(v.pread(fd, h, PAGE, 11)).isEqualTo("second page");
        assertOk(v.close(fd, h));
        assertOk(v.read(addr, 11)).isEqualTo("second page");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#i915Profiles")
    @DisplayName("[86] bad flags EINVAL, bad handle ENOENT, offsets and sizes outside the object EINVAL")
    void errors(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        assertErrno(gemMmap(v, fd, h, 0, PAGE, 2), Errno.EINVAL);
        assertErrno(gemMmap(v, fd, new Handle(h.value() + 1), 0, PAGE, 0), Errno.ENOENT);
        long[][] bad = {{PAGE, PAGE}, {4097, PAGE}, {PAGE, -PAGE}, {2 * PAGE, -PAGE}, {PAGE, -1},
            {0, 0}, {0, -PAGE}, {0, PAGE + 1}, {0, 2 * PAGE}, {0, -1}};
        for (long[] args : bad) {
            assertErrno(gemMmap(v, fd, h, args[0], args[1], 0), Errno.EINVAL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#i915Profiles")
    @DisplayName("[86] WC without PAT is ENODEV")
    void wcNeedsPat(Profile profile) {
        Profile noPat = new Profile(profile.name() + "-nopat", "no PAT", profile.driver(), profile.follows(),
                profile.gem(), profile.userptr(), profile.mmap().withMemory(true, false, false), profile.system());
        Views v = new Views(noPat);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        assertErrno(gemMmap(v, fd, h, 0, PAGE, I915Ioctl.MMAP_WC), Errno.ENODEV);
        assertOk(gemMmap(v, fd, h, 0, PAGE, 0));
    }
}
