package org.uapispec.device.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.assertSignal;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 14, item 2, through the backend: every value of a syscall argument is answered as the
 * kernel answers it: unknown bits as mm/mmap.c and mm/mprotect.c treat them, (uid_t)-1 as setuid
 * does.
 */
class SyscallArgumentTest {
    private final Machine m = new Machine(Profiles.GENERIC);

    @Test
    @DisplayName("spawn as (uid_t)-1 is EINVAL, as __sys_setuid answers an invalid kuid")
    void uidMinusOne() {
        assertErrno(m.backend.spawn(Credentials.user(-1)), Errno.EINVAL);
        assertOk(m.backend.spawn(Credentials.user(0xfffffffe)));
    }

    @Test
    @DisplayName("mprotect: bits beyond READ|WRITE|EXEC|SEM are EINVAL (arch_validate_prot); SEM is accepted")
    void mprotectUnknownBits() {
        long a = m.anon(m.root, 1);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, 0x10), Errno.EINVAL);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, Mman.PROT_READ | 0x40000000), Errno.EINVAL);
        assertOk(m.backend.mprotect(m.root, a, PAGE, Mman.PROT_READ | 0x8));
        assertSignal(m.backend.write(m.root, a, bytes("x")), Signal.SIGSEGV);
        // Length 0 returns before the bits are looked at.
        assertOk(m.backend.mprotect(m.root, a, 0, 0x10));
    }

    @Test
    @DisplayName("mprotect: PROT_GROWSDOWN and PROT_GROWSUP together are EINVAL, each alone needs a stack VMA")
    void mprotectGrows() {
        long a = m.anon(m.root, 1);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, 0x03000000 | Mman.PROT_READ), Errno.EINVAL);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, 0x01000000 | Mman.PROT_READ), Errno.EINVAL);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, 0x02000000 | Mman.PROT_READ), Errno.EINVAL);
    }

    @Test
    @DisplayName("mprotect: a length that wraps is ENOMEM (end <= start), not EINVAL")
    void mprotectWrappingLength() {
        long a = m.anon(m.root, 1);
        assertErrno(m.backend.mprotect(m.root, a, ~0L, Mman.PROT_READ), Errno.ENOMEM);
        assertErrno(m.backend.mprotect(m.root, a, -a, Mman.PROT_READ), Errno.ENOMEM);
        assertErrno(m.backend.mprotect(m.root, a, 1L << 62, Mman.PROT_READ), Errno.ENOMEM);
    }

    @Test
    @DisplayName("mprotect changes the mappings before a hole, then answers ENOMEM (do_mprotect_pkey)")
    void mprotectStopsAtTheHole() {
        long a = m.anon(m.root, 3);
        m.backend.munmap(m.root, a + PAGE, PAGE);
        assertErrno(m.backend.mprotect(m.root, a, 3 * PAGE, Mman.PROT_READ), Errno.ENOMEM);
        assertSignal(m.backend.write(m.root, a, bytes("x")), Signal.SIGSEGV);
        assertOk(m.backend.write(m.root, a + 2 * PAGE, bytes("x")));
    }

    @Test
    @DisplayName("mmap ignores prot bits it does not know (calc_vm_prot_bits), also on a file")
    void mmapUnknownProtBits() {
        long a = m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW | 0x10)).value();
        assertOk(m.backend.write(m.root, a, bytes("x")));
        Fd fd = m.card(m.root);
        Handle h = m.create(m.root, fd, PAGE);
        long off = m.ioctl(m.root, fd, new DrmIoctl.ModeMapDumb(h)).value().value();
        assertOk(m.backend.mmap(m.root, MmapRequest.shared(fd, off, PAGE, RW | 0x10)));
    }

    @Test
    @DisplayName("mmap: the map type is the low four bits; MAP_SHARED_VALIDATE checks the flags, MAP_SHARED ignores them")
    void mmapTypeAndValidate() {
        Fd fd = m.card(m.root);
        Handle h = m.create(m.root, fd, PAGE);
        long off = m.ioctl(m.root, fd, new DrmIoctl.ModeMapDumb(h)).value().value();
        MmapRequest shared = MmapRequest.shared(fd, off, PAGE, RW);
        int validate = 0x03;
        int mapSync = 0x80000;
        assertOk(m.backend.mmap(m.root, shared.withFlags(validate)));
        assertOk(m.backend.mmap(m.root, shared.withFlags(Mman.MAP_SHARED | mapSync)));
        assertErrno(m.backend.mmap(m.root, shared.withFlags(validate | mapSync)), Errno.EOPNOTSUPP);
        // MAP_FIXED_NOREPLACE is not in LEGACY_MAP_MASK.
        assertErrno(m.backend.mmap(m.root, shared.withAddr(0x700000000000L).withFlags(validate | Mman.MAP_FIXED_NOREPLACE)),
                Errno.EOPNOTSUPP);
        assertErrno(m.backend.mmap(m.root, shared.withFlags(Mman.MAP_SHARED | 0x04)), Errno.EINVAL);
        // Anonymous memory knows no MAP_SHARED_VALIDATE.
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withFlags(validate | Mman.MAP_ANONYMOUS)),
                Errno.EINVAL);
    }

    @Test
    @DisplayName("mmap with MAP_GROWSDOWN: EINVAL for a file and for shared anonymous memory")
    void mmapGrowsDown() {
        int growsDown = 0x100;
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW)
                .withFlags(Mman.MAP_SHARED | Mman.MAP_ANONYMOUS | growsDown)), Errno.EINVAL);
        assertOk(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW)
                .withFlags(Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | growsDown)));
    }

    @Test
    @DisplayName("mmap with MAP_FIXED past the top is ENOMEM before the alignment EINVAL and the EPERM below mmap_min_addr")
    void mmapFixedOrder() {
        int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withAddr(-PAGE + 1).withFlags(fixed)),
                Errno.ENOMEM);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withAddr(1).withFlags(fixed)),
                Errno.EINVAL);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withAddr(PAGE).withFlags(fixed)),
                Errno.EPERM);
    }

    @Test
    @DisplayName("the high 32 bits of mmap's and mprotect's unsigned long prot and flags are seen, not cut")
    void highBitsOfProtAndFlags() {
        long a = m.anon(m.root, 1);
        assertErrno(m.backend.mprotect(m.root, a, PAGE, (1L << 32) | Mman.PROT_READ), Errno.EINVAL);
        assertOk(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, (1L << 40) | RW)));
        Fd fd = m.card(m.root);
        Handle h = m.create(m.root, fd, PAGE);
        long off = m.ioctl(m.root, fd, new DrmIoctl.ModeMapDumb(h)).value().value();
        MmapRequest shared = MmapRequest.shared(fd, off, PAGE, RW);
        assertOk(m.backend.mmap(m.root, shared.withFlags(Mman.MAP_SHARED | (1L << 40))));
        assertErrno(m.backend.mmap(m.root, shared.withFlags(Mman.MAP_SHARED_VALIDATE | (1L << 40))), Errno.EOPNOTSUPP);
        // The type is the low four bits of all 64: a high bit makes no MAP_SHARED of 0x100000000.
        assertErrno(m.backend.mmap(m.root, shared.withFlags(1L << 32)), Errno.EINVAL);
    }

    @Test
    @DisplayName("a device number is part of a path: any value opens as ENOENT where no node is")
    void anyDeviceNumber() {
        for (long device : new long[] {2, 0xffffffffL, 0x100000000L, -1, Long.MIN_VALUE, Long.MAX_VALUE}) {
            assertErrno(m.backend.open(m.root, Node.card(device)), Errno.ENOENT);
            assertErrno(m.backend.open(m.root, Node.render(device)), Errno.ENOENT);
        }
        assertThat(Node.card(0x100000000L).path()).isEqualTo("/dev/dri/card4294967296");
        assertThat(Node.render(Long.MAX_VALUE).path()).isEqualTo("/dev/dri/renderD9223372036854775935");
        assertOk(m.backend.open(m.root, Node.render(1)));
    }

    @Test
    @DisplayName("lseek on a DRM file answers 0 (noop_llseek); a whence past SEEK_HOLE is EINVAL (ksys_lseek)")
    void lseekWhence() {
        Fd fd = m.card(m.root);
        assertOk(m.backend.lseek(m.root, fd, 123, Mman.SEEK_END)).isEqualTo(0L);
        assertErrno(m.backend.lseek(m.root, fd, 0, 5), Errno.EINVAL);
        assertErrno(m.backend.lseek(m.root, fd, 0, -1), Errno.EINVAL);
        assertErrno(m.backend.lseek(m.root, new Fd(99), 0, 5), Errno.EBADF);
        assertThat(m.backend.lseek(m.root, fd, 0, 4)).hasToString("ok(0)");
    }
}
