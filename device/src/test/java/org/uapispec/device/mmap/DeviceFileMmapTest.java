package org.uapispec.device.mmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl.MmapType;
import org.uapispec.api.MmapOffset;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** mmap(2) of a DRM file at a fake offset: who may map, which ranges, and which flags [64-66, 74-76]. */
class DeviceFileMmapTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[64] a file holding no handle gets EACCES, an offset naming nothing EINVAL")
    void eaccesVersusEinval(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd stranger = v.card();
        Handle h = v.create(a, 2 * PAGE);
        MmapOffset offset = v.offset(a, h).value();
        assertErrno(v.map(stranger, offset, PAGE, RW), Errno.EACCES);
        assertErrno(v.map(a, offset.plus(64 * PAGE), PAGE, RW), Errno.EINVAL);
        assertErrno(v.map(a, new MmapOffset(0), PAGE, RW), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[65] a handle from GEM_OPEN: mapping without asking works on generic, EACCES per caller")
    void allowRule(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd b = v.card();
        Handle ha = v.filled(a, "from A");
        Handle hb = v.open(b, v.flink(a, ha));
        MmapOffset offset = v.offset(a, ha).value();

        if (profile.mmap().perFileOffsets()) {
            assertErrno(v.map(b, offset, PAGE, RW), Errno.EACCES);
            assertThat(v.offset(b, hb).value()).as("[66] the same node").isEqualTo(offset);
        }
        long addr = v.map(b, offset, PAGE, RW).value();
        assertOk(v.read(addr, 6)).isEqualTo("from A");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[74, 75] longer than the object EINVAL, shorter from the start fine")
    void lengthAgainstNode(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, 2 * PAGE);
        MmapOffset offset = v.offset(fd, h).value();
        assertErrno(v.map(fd, offset, 3 * PAGE, RW), Errno.EINVAL);
        long shortMap = v.map(fd, offset, PAGE, RW).value();
        long full = v.map(fd, offset, 2 * PAGE, RW).value();
        assertOk(v.write(shortMap, "short"));
        assertOk(v.read(full, 5)).isEqualTo("short");
        assertOk(v.map(fd, offset, 100, RW)).as("a partial page rounds up to one page");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[76] an offset inside the node: EINVAL on the exact lookup, the right page on i915 since 2024")
    void innerOffset(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, 4 * PAGE);
        MmapOffset offset = v.offset(fd, h).value();
        long whole = v.map(fd, offset, 4 * PAGE, RW).value();
        assertOk(v.write(whole + 2 * PAGE, "third page"));

        var inner = v.map(fd, offset.plus(2 * PAGE), PAGE, RW);

        if (profile.mmap().innerLookup()) {
            assertOk(v.read(inner.value(), 10)).isEqualTo("third page");
            assertErrno(v.map(fd, offset.plus(2 * PAGE), 3 * PAGE, RW), Errno.EINVAL);
        } else {
            assertErrno(inner, Errno.EINVAL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("MAP_PRIVATE of an object: EINVAL on generic (shmem helpers), a private copy on i915")
    void privateMapping(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.filled(fd, "original");
        MmapOffset offset = v.offset(fd, h).value();
        var priv = v.mapPrivate(fd, offset.value(), PAGE, RW);
        if (profile.mmap().privateRefused()) {
            assertErrno(priv, Errno.EINVAL);
            return;
        }
        assertOk(v.read(priv.value(), 8)).isEqualTo("original");
        assertOk(v.write(priv.value(), "modified"));
        long shared = v.map(fd, offset, PAGE, RW).value();
        assertOk(v.read(shared, 8)).as("private writes stay private").isEqualTo("original");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[63, 5] every type's mapping shows the same pages, zero until written")
    void everyTypeSameBytes(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        long wb = v.map(fd, v.offset(fd, h, MmapType.WB).value(), PAGE, RW).value();
        assertOk(v.machine.backend.read(v.root, wb, 4)).isEqualTo(new byte[4]);
        assertOk(v.write(wb, "coherent"));
        for (MmapType type : new MmapType[] {MmapType.GTT, MmapType.WC, MmapType.UC}) {
            long addr = v.map(fd, v.offset(fd, h, type).value(), PAGE, RW).value();
            assertOk(v.read(addr, 8)).as(type.name()).isEqualTo("coherent");
        }
        assertOk(v.pread(fd, h, 0, 8)).isEqualTo("coherent");
    }

    @Test
    @DisplayName("a PROT_READ mapping of a writable object reads, and a store through it is SIGSEGV")
    void readOnlyMappingOfWritableObject() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        long addr = v.map(fd, v.offset(fd, h).value(), PAGE, Views.R).value();
        assertOk(v.read(addr, 1));
        org.uapispec.device.Machine.assertSignal(v.write(addr, "x"), org.uapispec.api.Signal.SIGSEGV);
    }
}
