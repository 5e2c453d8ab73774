package org.uapispec.device.radeon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Pid;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.device.Machine;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 17: radeon on QEMU's RV100 without acceleration, each era as Debian's kernels answered it
 * (linux/README.md has the measurements; specs/radeon runs the same calls on the kernels).
 */
class RadeonIoctlsTest {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final int AR = RadeonIoctl.USERPTR_ANONONLY | RadeonIoctl.USERPTR_REGISTER;

    private static Machine on(String era) {
        return new Machine(Profiles.RADEON.at(KernelEra.byText(era).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"5.10", "6.1", "6.12", "7.2"})
    @DisplayName("userptr: alignment, then flags, then READONLY or ANONONLY|REGISTER, then the object")
    void userptrChecks(String era) {
        Machine m = on(era);
        Pid p = m.root;
        Fd f = m.card(p);
        long a = m.anon(p, 8);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, 0)), Errno.EACCES);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, RadeonIoctl.USERPTR_ANONONLY)), Errno.EACCES);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, RadeonIoctl.USERPTR_REGISTER)), Errno.EACCES);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, AR | RadeonIoctl.USERPTR_READONLY)),
                Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, 0x10)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a + 1, PAGE, 0)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, 100, AR)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, (512L << 20) + PAGE, AR)), Errno.ENOMEM);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, PAGE, AR | RadeonIoctl.USERPTR_VALIDATE)),
                Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, 0, AR)),
                era.equals("5.10") ? Errno.EINVAL : Errno.ENOSPC);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemUserptr(-PAGE, 2 * PAGE, AR)), Errno.EOVERFLOW);
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemUserptr(-PAGE, PAGE, AR)).isOk()).as("the top page").isTrue();
    }

    @Test
    @DisplayName("userptr: any address, overlaps allowed; no mmap offset and no export (EPERM); flink and close work")
    void userptrObject() {
        Machine m = on("6.12");
        Pid p = m.root;
        Fd f = m.card(p);
        long a = m.anon(p, 8);
        Handle h = m.ioctl(p, f, new RadeonIoctl.GemUserptr(a, 4 * PAGE, AR)).value();
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemUserptr(a + PAGE, 4 * PAGE, AR)).isOk()).isTrue();
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemUserptr(0x100000000000L, PAGE, AR)).isOk()).isTrue();
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemUserptr(0xffff800000000000L, PAGE, AR)).isOk()).isTrue();
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemUserptr(0x100000000000L, 512L << 20, AR)).isOk()).isTrue();
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemMmap(h, 0, 0)), Errno.EPERM);
        assertErrno(m.ioctl(p, f, new DrmIoctl.ModeMapDumb(h)), Errno.EPERM);
        assertErrno(m.ioctl(p, f, new DrmIoctl.PrimeHandleToFd(h, 0)), Errno.EPERM);
        assertThat(m.ioctl(p, f, new DrmIoctl.GemFlink(h)).isOk()).isTrue();
        assertThat(m.ioctl(p, f, new DrmIoctl.GemClose(h)).isOk()).isTrue();
        assertErrno(m.ioctl(p, f, new DrmIoctl.GemClose(h)), Errno.EINVAL);
    }

    @Test
    @DisplayName("DRM_AUTH | DRM_RENDER_ALLOW: an unauthenticated card file EACCES, the render node may")
    void permissions() {
        Machine m = on("6.12");
        Pid user = m.spawnUser(1000);
        Fd g = m.card(m.root);
        Fd u = m.card(user);
        assertErrno(m.ioctl(user, u, new RadeonIoctl.GemInfo()), Errno.EACCES);
        assertErrno(m.ioctl(user, u, new RadeonIoctl.GemUserptr(m.anon(user, 1), PAGE, AR)), Errno.EACCES);
        assertThat(m.ioctl(m.root, g, new RadeonIoctl.GemInfo()).isOk()).isTrue();
        Fd r = m.render(user);
        assertThat(m.ioctl(user, r, new RadeonIoctl.GemUserptr(m.anon(user, 1), PAGE, AR)).isOk()).isTrue();
        assertErrno(m.ioctl(user, r, new DrmIoctl.ModeCreateDumb(1, 1, 32, 0)), Errno.EACCES);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            5.10, 50, EINVAL, ok,     ENOSYS
            6.1,  50, ENOSPC, EINVAL, ok
            6.12, 50, ENOSPC, EINVAL, ok
            7.2,  51, ENOSPC, EINVAL, ok
            """)
    @DisplayName("GEM_INFO, GEM_CREATE's domains and sizes, GEM_MMAP, export and dma-buf mmap, the version by era")
    void ioctls(String era, int minor, String empty, String privateMap, String dmaBufMmap) {
        Machine m = on(era);
        Pid p = m.root;
        Fd f = m.card(p);
        assertThat(m.ioctl(p, f, new DrmIoctl.Version()).value().minor()).isEqualTo(minor);
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemInfo()).value())
                .isEqualTo(new RadeonIoctl.GemInfo.Result(512L << 20, 16L << 20, 16515072));
        for (int domain : new int[] {0, RadeonIoctl.DOMAIN_CPU, RadeonIoctl.DOMAIN_VRAM, 6, 8}) {
            assertThat(m.ioctl(p, f, new RadeonIoctl.GemCreate(PAGE, 0, domain, 0)).isOk()).as("domain %d", domain)
                    .isTrue();
        }
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemCreate(PAGE, 0, RadeonIoctl.DOMAIN_GTT, 0)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemCreate(16L << 20, 0, RadeonIoctl.DOMAIN_VRAM, 0)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemCreate((512L << 20) + 1, 0, RadeonIoctl.DOMAIN_CPU, 0)),
                Errno.ENOMEM);
        assertThat(m.ioctl(p, f, new RadeonIoctl.GemCreate(512L << 20, 0, RadeonIoctl.DOMAIN_CPU, 0)).isOk()).isTrue();
        assertThat(name(m.ioctl(p, f, new RadeonIoctl.GemCreate(0, 0, RadeonIoctl.DOMAIN_CPU, 0)))).isEqualTo(empty);

        Handle h = m.ioctl(p, f, new RadeonIoctl.GemCreate(5000, 3, RadeonIoctl.DOMAIN_CPU, 0xff)).value();
        long off = m.ioctl(p, f, new RadeonIoctl.GemMmap(h, 123, 99999)).value().value();
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeMapDumb(h)).value().value()).isEqualTo(off);
        long mapped = m.backend.mmap(p, MmapRequest.shared(f, off, 2 * PAGE, RW)).value();
        assertThat(m.backend.write(p, mapped + PAGE, Machine.bytes("radeon")).isOk()).isTrue();
        assertErrno(m.backend.mmap(p, MmapRequest.shared(f, off, 3 * PAGE, RW)), Errno.EINVAL);
        assertThat(name(m.backend.mmap(p, new MmapRequest(0, PAGE, RW, Mman.MAP_PRIVATE, f, off))))
                .isEqualTo(privateMap);
        assertErrno(m.ioctl(p, f, new RadeonIoctl.GemMmap(new Handle(999), 0, 0)), Errno.ENOENT);

        Fd buf = m.ioctl(p, f, new DrmIoctl.PrimeHandleToFd(h, DrmIoctl.DRM_RDWR)).value();
        assertThat(m.ioctl(p, buf, new DmaBufIoctl.Sync(DmaBufIoctl.SYNC_START | DmaBufIoctl.SYNC_READ)).isOk())
                .isTrue();
        var viaBuf = m.backend.mmap(p, MmapRequest.shared(buf, 0, 2 * PAGE, RW));
        assertThat(name(viaBuf)).as("dma-buf mmap").isEqualTo(dmaBufMmap);
        if (viaBuf.isOk()) {
            assertThat(m.backend.read(p, viaBuf.value() + PAGE, 6).value()).isEqualTo(Machine.bytes("radeon"));
        }
    }

    @Test
    @DisplayName("dumb buffers: radeon_align_pitch's rows, in VRAM, any failure ENOMEM")
    void dumb() {
        Machine m = on("6.12");
        Pid p = m.root;
        Fd f = m.card(p);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(1, 1, 32, 0)).value().pitch()).isEqualTo(64);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(10, 100, 8, 0)).value().pitch()).isEqualTo(128);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(64, 64, 32, 0)).value())
                .extracting(r -> r.pitch(), r -> r.size()).containsExactly(256, 16384L);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(3, 17, 24, 0)).value().pitch()).isEqualTo(96);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(3, 17, 16, 0)).value().pitch()).isEqualTo(64);
        assertThat(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(1, 1, 1, 0)).value().pitch()).isEqualTo(128);
        assertErrno(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(1, 1, 0, 0)), Errno.EINVAL);
        assertErrno(m.ioctl(p, f, new DrmIoctl.ModeCreateDumb(8192, 8192, 32, 0)), Errno.ENOMEM);
    }

    private static String name(org.uapispec.api.Outcome<?> outcome) {
        return outcome instanceof org.uapispec.api.Outcome.Err<?> err ? err.errno().name() : "ok";
    }
}
