package org.uapispec.device.mmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.MmapOffset;
import org.uapispec.device.profile.Profile;

/** Revocation on GEM_CLOSE and file close, and what existing mappings keep [67, 68, 69, 72]. */
class RevocationTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles") // generic and i915 among them
    @DisplayName("[67] GEM_CLOSE in one file revokes it, the other keeps mapping, old mappings keep working")
    void gemCloseRevokesOnlyThatFile(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd b = v.card();
        Handle ha = v.create(a, PAGE);
        Handle hb = v.open(b, v.flink(a, ha));
        MmapOffset offsetA = v.offset(a, ha).value();
        MmapOffset offsetB = v.offset(b, hb).value();
        assertThat(offsetB).as("[66] one node per object and type").isEqualTo(offsetA);
        long before = v.map(a, offsetA, PAGE, RW).value();
        assertOk(v.write(before, "written by A"));

        assertOk(v.close(a, ha));

        assertErrno(v.map(a, offsetA, PAGE, RW), Errno.EACCES);
        long inB = v.map(b, offsetB, PAGE, RW).value();
        assertOk(v.read(inB, 12)).isEqualTo("written by A");
        assertOk(v.read(before, 12)).as("[72] A's earlier mapping still reads").isEqualTo("written by A");
        assertOk(v.write(before, "A after close"));
        assertOk(v.read(inB, 13)).as("and still writes the shared pages").isEqualTo("A after close");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[68] closing file B leaves A mapping; mmap on the closed fd is EBADF")
    void fileCloseAffectsOnlyThatFile(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd b = v.card();
        Handle ha = v.filled(a, "shared");
        Handle hb = v.open(b, v.flink(a, ha));
        MmapOffset offset = v.offset(b, hb).value();

        assertOk(v.closeFd(b));

        assertErrno(v.map(b, offset, PAGE, RW), Errno.EBADF);
        long inA = v.map(a, v.offset(a, ha).value(), PAGE, RW).value();
        assertOk(v.read(inA, 6)).isEqualTo("shared");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#mmapOffsetProfiles")
    @DisplayName("[69] asking N times then one GEM_CLOSE: EACCES with allow_once, still allowed before 2023")
    void repeatedAsksThenOneClose(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd b = v.card();
        Handle ha = v.create(a, PAGE);
        v.open(b, v.flink(a, ha)); // B keeps the object alive
        MmapOffset offset = v.offset(a, ha).value();
        for (int i = 0; i < 3; i++) {
            assertThat(v.offset(a, ha).value()).isEqualTo(offset);
        }

        assertOk(v.close(a, ha));

        if (profile.mmap().allowOnce()) {
            assertErrno(v.map(a, offset, PAGE, RW), Errno.EACCES);
        } else {
            assertThat(v.map(a, offset, PAGE, RW).isOk()).as("the leaked allow entry of 5.5-6.1").isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[72, 22] a mapping keeps the object after its last handle: bytes stay, flink name goes")
    void mappingOutlivesLastHandle(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Handle h = v.create(a, PAGE);
        var name = v.flink(a, h);
        long addr = v.map(a, v.offset(a, h).value(), PAGE, RW).value();
        assertOk(v.write(addr, "kept alive"));

        assertOk(v.close(a, h));

        assertOk(v.read(addr, 10)).isEqualTo("kept alive");
        assertOk(v.write(addr, "still here"));
        assertOk(v.read(addr, 10)).isEqualTo("still here");
        assertErrno(v.machine.ioctl(v.root, a, new org.uapispec.api.DrmIoctl.GemOpen(name)), Errno.ENOENT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[70] once the last mapping of a closed object goes, its offset is EINVAL, not EACCES")
    void staleOffsetAfterFree(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Handle h = v.create(a, PAGE);
        MmapOffset offset = v.offset(a, h).value();
        long addr = v.map(a, offset, PAGE, RW).value();
        assertOk(v.close(a, h));
        assertErrno(v.map(a, offset, PAGE, RW), Errno.EACCES);

        assertOk(v.machine.backend.munmap(v.root, addr, PAGE));

        assertErrno(v.map(a, offset, PAGE, RW), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[71] a reused offset names the new object: its owner maps the new bytes, others get EACCES")
    void reusedOffsetNamesTheNewObject(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd other = v.card();
        Handle old = v.filled(a, "old object");
        MmapOffset stale = v.offset(a, old).value();
        assertOk(v.close(a, old));

        Handle fresh = v.filled(a, "new object");
        assertThat(v.offset(a, fresh).value()).as("the freed range is handed out again").isEqualTo(stale);

        long addr = v.map(a, stale, PAGE, RW).value();
        assertOk(v.read(addr, 10)).isEqualTo("new object");
        assertErrno(v.map(other, stale, PAGE, RW), Errno.EACCES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[77, 72] munmap of part of a mapping: the rest stays coherent and holds the object until it goes")
    void partialUnmapKeepsTheRest(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd probe = v.card();
        Handle h = v.create(a, 3 * PAGE);
        MmapOffset offset = v.offset(a, h).value();
        Handle probeHandle = v.open(probe, v.flink(a, h));
        v.offset(probe, probeHandle).value();
        assertOk(v.close(probe, probeHandle));
        long addr = v.map(a, offset, 3 * PAGE, RW).value();
        assertOk(v.close(a, h));

        assertOk(v.machine.backend.munmap(v.root, addr + PAGE, PAGE));
        assertOk(v.write(addr + 2 * PAGE, "tail"));
        assertOk(v.machine.backend.munmap(v.root, addr + 2 * PAGE, PAGE));
        assertErrno(v.map(probe, offset, PAGE, RW), Errno.EACCES);
        assertOk(v.write(addr, "head"));
        assertOk(v.read(addr, 4)).isEqualTo("head");

        assertOk(v.machine.backend.munmap(v.root, addr, PAGE));
        assertErrno(v.map(probe, offset, PAGE, RW), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[72] a forked child's copy of a mapping holds the object after the parent lets go, until it exits")
    void forkedMappingHoldsTheObject(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Handle h = v.create(a, PAGE);
        MmapOffset offset = v.offset(a, h).value();
        long addr = v.map(a, offset, PAGE, RW).value();
        assertOk(v.write(addr, "inherited"));
        var child = v.machine.backend.fork(v.root).value();
        assertOk(v.close(a, h));
        assertOk(v.machine.backend.munmap(v.root, addr, PAGE));

        assertOk(v.read(child, addr, 9)).isEqualTo("inherited");
        assertOk(v.write(child, addr, "child own"));
        assertErrno(v.map(a, offset, PAGE, RW), Errno.EACCES);

        assertOk(v.machine.backend.exit(child));
        assertErrno(v.map(a, offset, PAGE, RW), Errno.EINVAL);
    }
}
