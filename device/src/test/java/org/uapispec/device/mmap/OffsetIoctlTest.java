package org.uapispec.device.mmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.I915Ioctl.MmapType;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** The offset ioctls: MMAP_OFFSET's arguments, one node per type, and the legacy spellings [59-63, 85]. */
class OffsetIoctlTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[63] one node per (object, type): the same offset again, another offset per type")
    void oneNodePerType(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, 2 * PAGE);
        Set<MmapOffset> seen = new HashSet<>();
        for (MmapType type : EnumSet.of(MmapType.GTT, MmapType.WC, MmapType.WB, MmapType.UC)) {
            MmapOffset first = v.offset(fd, h, type).value();
            assertThat(v.offset(fd, h, type).value()).isEqualTo(first);
            assertThat(first.value() % PAGE).isZero();
            seen.add(first);
        }
        assertThat(seen).hasSize(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[63] generic and legacy profiles: one offset per object, whichever call asks")
    void singleNodeProfiles(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        MmapOffset offset = v.offset(fd, h).value();
        assertThat(v.offset(fd, h).value()).isEqualTo(offset);
        if (profile.mmap().source() != org.uapispec.device.profile.MmapRules.OffsetSource.MMAP_OFFSET) {
            assertThat(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(h)).value()).isEqualTo(offset);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[59] MMAP_OFFSET flags outside the types are EINVAL, checked before the handle")
    void badFlags(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        for (long flags : new long[] {-1, 5, 0x100}) {
            assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, flags, 0, 0)), Errno.EINVAL);
        }
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(new Handle(99), -1, 0, 0)),
                Errno.EINVAL);
        assertErrno(v.offset(fd, new Handle(99), MmapType.WB), Errno.ENOENT);
        assertErrno(v.offset(fd, new Handle(h.value() | 0x10000), MmapType.WB), Errno.ENOENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[60] extensions: unreadable EFAULT, a readable unknown extension EINVAL")
    void badExtensions(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        long wb = MmapType.WB.flags();
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, wb, -1, 0)), Errno.EFAULT);
        long ext = v.machine.anon(v.root, 1);
        assertOk(v.machine.backend.write(v.root, ext + 8, new byte[] {-1, -1, -1, -1})); // name = -1
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, wb, ext, 0)), Errno.EINVAL);
        assertOk(v.machine.backend.munmap(v.root, ext, PAGE));
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, wb, ext, 0)), Errno.EFAULT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[61] pad is not validated: any pad gives the same offset")
    void padIgnored(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        MmapOffset plain = v.offset(fd, h, MmapType.WB).value();
        Outcome<MmapOffset> padded = v.machine.ioctl(v.root, fd,
                new I915Ioctl.GemMmapOffset(h, MmapType.WB.flags(), 0, 0xdead));
        assertOk(padded).isEqualTo(plain);
    }

    @Test
    @DisplayName("[62] FIXED: EINVAL before 5.16, ENODEV on integrated i915, the only type with local memory")
    void fixedType() {
        Views old = new Views(Profiles.I915_2019);
        Fd oldFd = old.card();
        assertErrno(old.offset(oldFd, old.create(oldFd, PAGE), MmapType.FIXED), Errno.EINVAL);

        Views today = new Views(Profiles.I915);
        Fd fd = today.card();
        assertErrno(today.offset(fd, today.create(fd, PAGE), MmapType.FIXED), Errno.ENODEV);

        Views discrete = new Views(withMemory(false, true, true));
        Fd dfd = discrete.card();
        Handle h = discrete.create(dfd, PAGE);
        assertOk(discrete.offset(dfd, h, MmapType.FIXED));
        assertErrno(discrete.offset(dfd, h, MmapType.WB), Errno.ENODEV);
        assertErrno(discrete.offset(dfd, h, MmapType.GTT), Errno.ENODEV);
        assertThat(discrete.machine.ioctl(discrete.root, dfd, new DrmIoctl.ModeMapDumb(h)).value())
                .as("i915_gem_dumb_mmap_offset picks FIXED").isEqualTo(discrete.offset(dfd, h, MmapType.FIXED).value());
    }

    @Test
    @DisplayName("[62] GTT without an aperture and WC/UC without PAT are ENODEV; WB always works")
    void typesTheDeviceLacks() {
        Views noAperture = new Views(withMemory(false, true, false));
        Fd fd = noAperture.card();
        Handle h = noAperture.create(fd, PAGE);
        assertErrno(noAperture.offset(fd, h, MmapType.GTT), Errno.ENODEV);
        assertErrno(noAperture.machine.ioctl(noAperture.root, fd, new I915Ioctl.GemMmapGtt(h)), Errno.ENODEV);
        assertOk(noAperture.offset(fd, h, MmapType.WC));

        Views noPat = new Views(withMemory(true, false, false));
        Fd pfd = noPat.card();
        Handle ph = noPat.create(pfd, PAGE);
        assertErrno(noPat.offset(pfd, ph, MmapType.WC), Errno.ENODEV);
        assertErrno(noPat.offset(pfd, ph, MmapType.UC), Errno.ENODEV);
        assertOk(noPat.offset(pfd, ph, MmapType.WB));
        assertThat(noPat.machine.ioctl(noPat.root, pfd, new DrmIoctl.ModeMapDumb(ph)).value())
                .as("dumb map falls back to GTT").isEqualTo(noPat.offset(pfd, ph, MmapType.GTT).value());

        Views neither = new Views(withMemory(false, false, false));
        Fd nfd = neither.card();
        assertErrno(neither.machine.ioctl(neither.root, nfd, new DrmIoctl.ModeMapDumb(neither.create(nfd, PAGE))),
                Errno.ENODEV);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[85] MMAP_GTT is MMAP_OFFSET with type GTT; dumb map is the WC node where PAT exists")
    void legacySpellingsShareNodes(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        MmapOffset gtt = v.offset(fd, h, MmapType.GTT).value();
        assertOk(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapGtt(h))).isEqualTo(gtt);
        assertOk(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(h))).isEqualTo(v.offset(fd, h, MmapType.WC).value());
    }

    @Test
    @DisplayName("[85] i915-2014: MMAP_OFFSET's number is MMAP_GTT's, its flags and extensions are not read")
    void mmapOffsetBefore55IsMmapGtt() {
        Views v = new Views(Profiles.I915_2014);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        MmapOffset gtt = v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapGtt(h)).value();
        assertOk(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, -1, -1, 0))).isEqualTo(gtt);
        assertOk(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(h))).isEqualTo(gtt);
        long addr = v.map(fd, gtt, PAGE, RW).value();
        assertOk(v.write(addr, "gtt"));
        assertOk(v.pread(fd, h, 0, 3)).isEqualTo("gtt");
    }

    @Test
    @DisplayName("[14] generic: MODE_MAP_DUMB of a closed handle is ENOENT; i915 ioctls are EINVAL there")
    void genericOffsetErrors() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        assertOk(v.close(fd, h));
        assertErrno(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(h)), Errno.ENOENT);
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapOffset(h, MmapType.WB)), Errno.EINVAL);
    }

    static Profile withMemory(boolean aperture, boolean pat, boolean localMemory) {
        Profile base = Profiles.I915;
        return new Profile(base.name() + "-custom", "i915 on another machine", base.driver(), base.follows(),
                base.gem(), base.userptr(), base.mmap().withMemory(aperture, pat, localMemory), base.system());
    }
}
