package org.uapispec.device.dmabuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.device.mmap.Views;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** PRIME_HANDLE_TO_FD and PRIME_FD_TO_HANDLE: flags, closed handles, the cached dma-buf, dedup [88-91]. */
class PrimeExportImportTest {
    private static final int CLOEXEC = DrmIoctl.DRM_CLOEXEC;
    private static final int RDWR = DrmIoctl.DRM_RDWR;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[88] export flags: CLOEXEC and (from 4.6) RDWR; anything else EINVAL")
    void exportFlags(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        assertOk(v.export(fd, h, 0));
        assertOk(v.export(fd, h, CLOEXEC));
        for (int bad : new int[] {CLOEXEC + 1, CLOEXEC - 1, RDWR + 1, RDWR - 1, -1}) {
            assertErrno(v.export(fd, h, bad), Errno.EINVAL);
        }
        if (profile.mmap().primeRdwr()) {
            assertOk(v.export(fd, h, RDWR | CLOEXEC));
        } else {
            assertErrno(v.export(fd, h, RDWR), Errno.EINVAL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[89] exporting a closed handle is ENOENT")
    void exportClosedHandle(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        assertOk(v.close(fd, h));
        assertErrno(v.export(fd, h, CLOEXEC), Errno.ENOENT);
        assertErrno(v.export(fd, new Handle(0xdeadbeef), CLOEXEC), Errno.ENOENT);
    }

    @Test
    @DisplayName("[90] exporting again gives a new fd for the same dma-buf, read-only as the first export made it")
    void exportIsCached() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        Handle h = v.filled(fd, "cached");
        Fd first = v.export(fd, h, CLOEXEC).value();
        Fd second = v.export(fd, h, CLOEXEC | RDWR).value();
        assertThat(second).isNotEqualTo(first);
        assertErrno(v.map(v.root, second, 0, PAGE, RW), Errno.EACCES);
        long addr = v.map(v.root, second, 0, PAGE, Views.R).value();
        assertOk(v.read(addr, 6)).isEqualTo("cached");
        assertOk(v.importFd(fd, second)).as("the same dma-buf: the exporter's handle").isEqualTo(h);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[91] import dedups per file: the exporter gets its handle back, another file one handle")
    void importDedup(Profile profile) {
        Views v = new Views(profile);
        Fd a = v.card();
        Fd b = v.card();
        Handle h = v.filled(a, "deduped");
        Fd dmaBuf = v.export(a, h, CLOEXEC).value();

        assertOk(v.importFd(a, dmaBuf)).isEqualTo(h);
        Handle inB = v.importFd(b, dmaBuf).value();
        assertOk(v.importFd(b, dmaBuf)).isEqualTo(inB);

        long addr = v.map(b, v.offset(b, inB).value(), PAGE, RW).value();
        assertOk(v.read(addr, 7)).as("the same object").isEqualTo("deduped");
    }

    @Test
    @DisplayName("[91, 17] a flink-opened handle exported in its file is what that file imports back")
    void flinkOpenedHandleExportedAndImported() {
        Views v = new Views(Profiles.I915);
        Fd a = v.card();
        Fd b = v.card();
        Handle h = v.create(a, PAGE);
        Handle opened = v.open(b, v.flink(a, h));
        Fd dmaBuf = v.export(b, opened, CLOEXEC).value();
        assertOk(v.importFd(b, dmaBuf)).isEqualTo(opened);
        assertOk(v.importFd(a, dmaBuf)).as("a self-import in A has no entry: a new handle").isNotEqualTo(h);
    }

    @Test
    @DisplayName("[91] import errors: a closed fd EBADF, a DRM fd EINVAL")
    void importErrors() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        assertErrno(v.importFd(fd, new Fd(77)), Errno.EBADF);
        assertErrno(v.importFd(fd, fd), Errno.EINVAL);
    }

    @Test
    @DisplayName("[13, 91] after GEM_CLOSE the file forgets the dma-buf: importing again gives a new handle")
    void closeForgetsTheEntry() {
        Views v = new Views(Profiles.GENERIC);
        Fd a = v.card();
        Handle h = v.filled(a, "re-imported");
        Handle alias = v.open(a, v.flink(a, h));
        Fd dmaBuf = v.export(a, h, CLOEXEC).value();
        assertOk(v.close(a, h));
        Handle back = v.importFd(a, dmaBuf).value();
        assertThat(back).isNotEqualTo(alias);
        long addr = v.map(a, v.offset(a, back).value(), PAGE, RW).value();
        assertOk(v.read(addr, 11)).isEqualTo("re-imported");
    }
}
