package org.uapispec.device.dmabuf;

import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.R;
import static org.uapispec.device.mmap.Views.RW;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;
import org.uapispec.device.mmap.Views;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** The dma-buf file: mmap bounds and modes, fork, llseek and the sync ioctl [93, 94, 96-98]. */
class DmaBufFileTest {

    /** Profiles whose exporter maps dma-bufs (all but i915 before 4.6). */
    static java.util.stream.Stream<Profile> mappable() {
        return Views.allProfiles().filter(p -> p.mmap().dmaBufMmap() != org.uapispec.device.profile.MmapRules.DmaBufMmap.REFUSED);
    }

    private static Fd exported(Views v, Fd fd, Handle h, int flags) {
        return v.export(fd, h, flags).value();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappable")
    @DisplayName("bytes through every view: object mapping, dma-buf mapping, and pread on i915")
    void bytesThroughEveryView(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.create(fd, 2 * PAGE);
        long object = v.map(fd, v.offset(fd, h).value(), 2 * PAGE, RW).value();
        Fd dmaBuf = exported(v, fd, h, DrmIoctl.DRM_RDWR);
        long viaDmaBuf = v.map(v.root, dmaBuf, 0, 2 * PAGE, RW).value();

        assertOk(v.write(object + PAGE, "from the object"));
        assertOk(v.read(viaDmaBuf + PAGE, 15)).isEqualTo("from the object");
        assertOk(v.write(viaDmaBuf, "from the dma-buf"));
        assertOk(v.read(object, 16)).isEqualTo("from the dma-buf");
        if (profile.driver() == org.uapispec.device.profile.Driver.I915) {
            assertOk(v.pread(fd, h, 0, 16)).isEqualTo("from the dma-buf");
            assertOk(v.pread(fd, h, PAGE, 15)).isEqualTo("from the object");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappable")
    @DisplayName("[93] mmap beyond the buffer EINVAL: too long, offset plus length past the end; a huge offset EOVERFLOW")
    void bounds(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.create(fd, 2 * PAGE), DrmIoctl.DRM_RDWR);
        assertErrno(v.map(v.root, dmaBuf, 0, 3 * PAGE, RW), Errno.EINVAL);
        assertErrno(v.map(v.root, dmaBuf, PAGE, 2 * PAGE, RW), Errno.EINVAL);
        assertErrno(v.map(v.root, dmaBuf, 2 * PAGE, PAGE, RW), Errno.EINVAL);
        // A mapping that would end past 2^64 - 1 fails file_mmap_ok in do_mmap (Linux 4.17+) before
        // the dma-buf's own bounds are looked at.
        assertErrno(v.map(v.root, dmaBuf, -PAGE, PAGE, RW), Errno.EOVERFLOW);
        assertOk(v.map(v.root, dmaBuf, PAGE, PAGE, RW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappable")
    @DisplayName("[93] MAP_PRIVATE of a dma-buf: EINVAL from a shmem-helper exporter, a private copy from i915 (I)")
    void privateMapping(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.filled(fd, "private?"), DrmIoctl.DRM_RDWR);
        var mapped = v.mapPrivate(dmaBuf, 0, PAGE, RW);
        if (profile.mmap().privateRefused()) {
            assertErrno(mapped, Errno.EINVAL);
        } else {
            assertOk(v.read(mapped.value(), 8)).isEqualTo("private?");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappable")
    @DisplayName("[94] a writable shared mapping needs an RDWR export (EACCES), and so does mprotect later")
    void writeNeedsRdwr(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Handle h = v.filled(fd, "read-only dma-buf");
        Fd readOnly = exported(v, fd, h, DrmIoctl.DRM_CLOEXEC);
        assertErrno(v.map(v.root, readOnly, 0, PAGE, RW), Errno.EACCES);
        long addr = v.map(v.root, readOnly, 0, PAGE, R).value();
        assertOk(v.read(addr, 17)).isEqualTo("read-only dma-buf");
        assertErrno(v.machine.backend.mprotect(v.root, addr, PAGE, RW), Errno.EACCES);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mappable")
    @DisplayName("[96] a forked child maps the inherited dma-buf fd and sees and shares the same bytes")
    void forkedChildMaps(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.filled(fd, "parent wrote"), DrmIoctl.DRM_RDWR);
        Pid child = v.machine.backend.fork(v.root).value();

        long inChild = v.map(child, dmaBuf, 0, PAGE, RW).value();
        assertOk(v.read(child, inChild, 12)).isEqualTo("parent wrote");
        assertOk(v.write(child, inChild, "child wrote!"));
        long inParent = v.map(v.root, dmaBuf, 0, PAGE, R).value();
        assertOk(v.read(inParent, 12)).isEqualTo("child wrote!");
    }

    @Test
    @DisplayName("[97] llseek: (0, SEEK_END) is the size, (0, SEEK_SET) is 0, anything else EINVAL")
    void llseek() {
        Views v = new Views(Profiles.GENERIC);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.create(fd, 3 * PAGE), 0);
        assertOk(v.machine.backend.lseek(v.root, dmaBuf, 0, Mman.SEEK_END)).isEqualTo(3 * PAGE);
        assertOk(v.machine.backend.lseek(v.root, dmaBuf, 0, Mman.SEEK_SET)).isEqualTo(0L);
        assertErrno(v.machine.backend.lseek(v.root, dmaBuf, 0, Mman.SEEK_CUR), Errno.EINVAL);
        assertErrno(v.machine.backend.lseek(v.root, dmaBuf, 1, Mman.SEEK_SET), Errno.EINVAL);
        assertErrno(v.machine.backend.lseek(v.root, dmaBuf, -1, Mman.SEEK_END), Errno.EINVAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[98] DMA_BUF_IOCTL_SYNC: READ/WRITE with START/END fine, 0, -1, RW+1, mask+1 EINVAL; ENOTTY before 4.6")
    void syncFlags(Profile profile) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.create(fd, PAGE), 0);
        long[] bad = {0, -1, DmaBufIoctl.SYNC_RW + 1, DmaBufIoctl.SYNC_VALID_FLAGS_MASK + 1};
        long[] good = {DmaBufIoctl.SYNC_READ, DmaBufIoctl.SYNC_WRITE | DmaBufIoctl.SYNC_END, DmaBufIoctl.SYNC_RW};
        for (long flags : bad) {
            assertErrno(v.machine.ioctl(v.root, dmaBuf, new DmaBufIoctl.Sync(flags)),
                    profile.mmap().primeRdwr() ? Errno.EINVAL : Errno.ENOTTY);
        }
        for (long flags : good) {
            var outcome = v.machine.ioctl(v.root, dmaBuf, new DmaBufIoctl.Sync(flags));
            if (profile.mmap().primeRdwr()) {
                assertOk(outcome);
            } else {
                assertErrno(outcome, Errno.ENOTTY);
            }
        }
    }

    @Test
    @DisplayName("a DRM ioctl on a dma-buf fd is ENOTTY, and SYNC on a DRM fd is ENOTTY")
    void foreignIoctls() {
        Views v = new Views(Profiles.I915);
        Fd fd = v.card();
        Handle h = v.create(fd, PAGE);
        Fd dmaBuf = exported(v, fd, h, 0);
        assertErrno(v.machine.ioctl(v.root, dmaBuf, new DrmIoctl.GemClose(h)), Errno.ENOTTY);
        assertErrno(v.machine.ioctl(v.root, dmaBuf, new DrmIoctl.GemFlink(h)), Errno.ENOTTY);
        assertErrno(v.machine.ioctl(v.root, fd, new DmaBufIoctl.Sync(DmaBufIoctl.SYNC_READ)), Errno.ENOTTY);
    }

    @Test
    @DisplayName("[93] i915 before 4.6 has no dma-buf mmap: EINVAL")
    void noDmaBufMmapIn2014() {
        Views v = new Views(Profiles.I915_2014);
        Fd fd = v.card();
        Fd dmaBuf = exported(v, fd, v.create(fd, PAGE), 0);
        assertErrno(v.map(v.root, dmaBuf, 0, PAGE, R), Errno.EINVAL);
    }
}
