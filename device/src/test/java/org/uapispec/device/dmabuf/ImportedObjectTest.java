package org.uapispec.device.dmabuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import java.util.stream.Stream;
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
import org.uapispec.device.mmap.Views;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * An object imported from the generic device 1 (vgem) into device 0, mapped through device 0's own
 * offsets: refused on i915, forwarded to the dma-buf on i915-mmap-forward (seed 003) [87, 99].
 */
class ImportedObjectTest {

    /** A one-page vgem buffer holding {@code text}, exported RDWR and imported into {@code importer}. */
    private static Handle importForeign(Views v, Fd importer, String text) {
        Fd vgem = v.foreignCard();
        Handle exported = v.foreignFilled(vgem, text);
        Fd dmaBuf = v.export(vgem, exported, DrmIoctl.DRM_RDWR).value();
        return v.importFd(importer, dmaBuf).value();
    }

    static Stream<Profile> i915AndForward() {
        return Stream.of(Profiles.I915, Profiles.I915_MMAP_FORWARD);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("i915AndForward")
    @DisplayName("[99] import then MMAP_OFFSET WB and map: ENODEV on i915, the exporter's bytes on i915-mmap-forward")
    void importThenMap(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "vgem bytes");

        Outcome<MmapOffset> offset = v.offset(fd, imported, MmapType.WB);

        if (!profile.mmap().forwardImports()) {
            assertErrno(offset, Errno.ENODEV);
            return;
        }
        long addr = v.map(fd, offset.value(), PAGE, RW).value();
        assertOk(v.read(addr, 10)).isEqualTo("vgem bytes");
        assertOk(v.write(addr, "i915 wrote"));
        long again = v.map(fd, offset.value(), PAGE, RW).value();
        assertOk(v.read(again, 10)).isEqualTo("i915 wrote");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("i915AndForward")
    @DisplayName("[99] WC and UC follow WB; FIXED is ENODEV either way; GTT maps the import on both")
    void everyType(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "through gtt");
        for (MmapType type : new MmapType[] {MmapType.WC, MmapType.UC}) {
            Outcome<MmapOffset> offset = v.offset(fd, imported, type);
            if (profile.mmap().forwardImports()) {
                assertOk(offset);
            } else {
                assertErrno(offset, Errno.ENODEV);
            }
        }
        assertErrno(v.offset(fd, imported, MmapType.FIXED), Errno.ENODEV);
        long gtt = v.map(fd, v.offset(fd, imported, MmapType.GTT).value(), PAGE, RW).value();
        assertOk(v.read(gtt, 11)).isEqualTo("through gtt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("i915AndForward")
    @DisplayName("[99, 86] an import has no shmem file: pread EINVAL, legacy GEM_MMAP ENXIO")
    void noShmemFile(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "x");
        assertErrno(v.pread(fd, imported, 0, 1), Errno.EINVAL);
        assertErrno(v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmap(imported, 0, PAGE, 0)), Errno.ENXIO);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("i915AndForward")
    @DisplayName("[87] MODE_MAP_DUMB of an import: i915's dumb map is the WC offset, refused or forwarded")
    void dumbMapOnI915(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "dumb");
        Outcome<MmapOffset> dumb = v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(imported));
        if (profile.mmap().forwardImports()) {
            assertOk(dumb).isEqualTo(v.offset(fd, imported, MmapType.WC).value());
        } else {
            assertErrno(dumb, Errno.ENODEV);
        }
    }

    @Test
    @DisplayName("[99] i915-2014: the one GTT offset of an import, from MMAP_GTT or dumb map, maps the exporter's pages")
    void legacyGttMapsImports() {
        Views v = new Views(Profiles.I915_2014);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "gtt 2014");
        MmapOffset gtt = v.machine.ioctl(v.root, fd, new I915Ioctl.GemMmapGtt(imported)).value();
        assertOk(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(imported))).isEqualTo(gtt);
        long addr = v.map(fd, gtt, PAGE, RW).value();
        assertOk(v.read(addr, 8)).isEqualTo("gtt 2014");
    }

    @Test
    @DisplayName("[87] generic: MODE_MAP_DUMB of an object imported from another device is EINVAL")
    void dumbMapOfImportIsEinvalOnGeneric() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        Handle imported = importForeign(v, fd, "foreign");
        assertErrno(v.machine.ioctl(v.root, fd, new DrmIoctl.ModeMapDumb(imported)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[91] each importing file gets its own object for a foreign dma-buf; one file imports once")
    void foreignImportPerFile() {
        Views v = new Views(Profiles.I915);
        Fd a = v.card();
        Fd b = v.card();
        Fd vgem = v.foreignCard();
        Handle exported = v.foreignFilled(vgem, "shared");
        Fd dmaBuf = v.export(vgem, exported, 0).value();
        Handle inA = v.importFd(a, dmaBuf).value();
        assertOk(v.importFd(a, dmaBuf)).isEqualTo(inA);
        Handle inB = v.importFd(b, dmaBuf).value();
        MmapOffset gttA = v.offset(a, inA, MmapType.GTT).value();
        assertThat(v.offset(b, inB, MmapType.GTT).value()).as("two objects, two nodes").isNotEqualTo(gttA);
        Fd reExported = v.export(a, inA, 0).value();
        assertOk(v.importFd(vgem, reExported)).as("re-export of an import is the same dma-buf").isEqualTo(exported);
    }

    @Test
    @DisplayName("[92, RFC] a forwarded mapping holds the dma-buf: it outlives the import, whose offset goes")
    void forwardedMappingOutlivesImport() {
        Views v = new Views(Profiles.I915_MMAP_FORWARD);
        Fd fd = v.card();
        Fd vgem = v.foreignCard();
        Handle exported = v.foreignFilled(vgem, "outlives");
        Fd dmaBuf = v.export(vgem, exported, DrmIoctl.DRM_RDWR).value();
        Handle imported = v.importFd(fd, dmaBuf).value();
        MmapOffset offset = v.offset(fd, imported, MmapType.WB).value();
        long addr = v.map(fd, offset, PAGE, RW).value();

        assertOk(v.close(fd, imported));
        assertOk(v.closeFd(dmaBuf));
        assertOk(v.close(vgem, exported));

        assertOk(v.read(addr, 8)).isEqualTo("outlives");
        assertErrno(v.map(fd, offset, PAGE, RW), Errno.EINVAL);
    }

    @Test
    @DisplayName("[RFC] forwarding maps from the dma-buf's first page (dma_buf_mmap(..., 0)), even at an inner offset")
    void forwardedInnerOffsetStartsAtPageZero() {
        Views v = new Views(Profiles.I915_MMAP_FORWARD);
        Fd fd = v.card();
        Fd vgem = v.foreignCard();
        Handle exported = v.create(vgem, 2 * PAGE);
        long inVgem = v.map(vgem, v.foreignOffset(vgem, exported).value(), 2 * PAGE, RW).value();
        assertOk(v.write(inVgem, "page zero"));
        assertOk(v.write(inVgem + PAGE, "page one!"));
        Handle imported = v.importFd(fd, v.export(vgem, exported, DrmIoctl.DRM_RDWR).value()).value();
        MmapOffset offset = v.offset(fd, imported, MmapType.WB).value();

        long inner = v.map(fd, offset.plus(PAGE), PAGE, RW).value();

        assertOk(v.read(inner, 9)).isEqualTo("page zero");
    }
}
