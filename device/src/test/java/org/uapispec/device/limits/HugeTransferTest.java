package org.uapispec.device.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertSignal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 14, item 1: a huge length is answered as the kernel answers it (a signal for a CPU access that
 * faults, the ioctl's errno) before anything is allocated; a transfer the kernel would carry out but
 * that is longer than a backend carries is refused, which is not a kernel answer.
 */
class HugeTransferTest {
    private static final long MIB = 1L << 20;
    private final Machine m = new Machine(Profiles.I915);

    @Test
    @DisplayName("read(p, 0, 0x7fffffff) is SIGSEGV and allocates nothing")
    void faultingHugeReadAllocatesNothing() {
        Allocation.Measured<Outcome<byte[]>> read = Allocation.of(() -> m.backend.read(m.root, 0, 0x7fffffff));
        assertSignal(read.value(), Signal.SIGSEGV);
        assertThat(read.bytes()).isLessThan(Allocation.SMALL);
    }

    @Test
    @DisplayName("a huge read that starts mapped faults at the first hole before allocating")
    void hugeReadRunsIntoAHole() {
        long a = m.anon(m.root, 4);
        Allocation.Measured<Outcome<byte[]>> read = Allocation.of(() -> m.backend.read(m.root, a, 0x7fffffff));
        assertSignal(read.value(), Signal.SIGSEGV);
        assertThat(read.bytes()).isLessThan(Allocation.SMALL);
    }

    @Test
    @DisplayName("a huge read of mapped memory that does not fault is refused, and allocates nothing")
    void hugeMappedReadIsRefused() {
        long length = 64 * MIB;
        long a = m.backend.mmap(m.root, MmapRequest.anonymous(length, RW)).value();
        Allocation.Measured<Outcome<byte[]>> read = Allocation.of(() -> m.backend.read(m.root, a, (int) length));
        assertThat(read.value()).hasToString("refused: a read of 67108864 bytes is more than the 16777216 "
                + "bytes a backend carries");
        assertThat(read.bytes()).isLessThan(Allocation.SMALL);
        // Exactly the limit is an ordinary read.
        assertThat(m.backend.read(m.root, a, (int) (16 * MIB)).isOk()).isTrue();
    }

    @Test
    @DisplayName("a huge read whose first page raises SIGBUS answers SIGBUS, not the later hole")
    void sigbusBeforeTheHole() {
        // i915 at 3.16 maps userptr objects through the GTT; once the user memory is gone, a fault
        // cannot pin the pages and raises SIGBUS [35, 46, 82].
        Machine old = new Machine(Profiles.I915_2014);
        Fd fd = old.card(old.root);
        long a = old.anon(old.root, 1);
        Handle h = old.ioctl(old.root, fd, new I915Ioctl.GemUserptr(a, PAGE, 0)).value();
        old.backend.munmap(old.root, a, PAGE);
        MmapOffset off = old.ioctl(old.root, fd, new I915Ioctl.GemMmapGtt(h)).value();
        long gtt = old.backend.mmap(old.root, MmapRequest.shared(fd, off.value(), PAGE, Mman.PROT_READ)).value();
        Allocation.Measured<Outcome<byte[]>> read = Allocation.of(() -> old.backend.read(old.root, gtt, 0x7fffffff));
        assertSignal(read.value(), Signal.SIGBUS);
        assertThat(read.bytes()).isLessThan(Allocation.SMALL);
    }

    @Test
    @DisplayName("pread of a size no user buffer can have is EFAULT before the handle lookup (access_ok)")
    void preadSizeBeyondTheAddressSpace() {
        Fd fd = m.card(m.root);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(77), 0, 1L << 50)), Errno.EFAULT);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(new Handle(77), 0, ~0L)), Errno.EFAULT);
    }

    @Test
    @DisplayName("pread of a whole 16 GiB object is refused, not EFAULT, and allocates nothing")
    void preadOfAHugeObjectIsRefused() {
        Fd fd = m.card(m.root);
        long size = 16L << 30;
        Handle h = m.ioctl(m.root, fd, new I915Ioctl.GemCreate(size)).value().handle();
        Allocation.Measured<Outcome<byte[]>> read =
                Allocation.of(() -> m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, size)));
        assertThat(read.value()).hasToString("refused: a pread of 17179869184 bytes is more than the 16777216 "
                + "bytes a backend carries");
        assertThat(read.bytes()).isLessThan(Allocation.SMALL);
        // The kernel's own checks still come first: bounds [109].
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 1, size)), Errno.EINVAL);
    }

    @Test
    @DisplayName("the ioctls that carry sizes answer huge and wrapping sizes without allocating")
    void sizeCarryingIoctlsAllocateNothing() {
        Fd fd = m.card(m.root);
        long a = m.anon(m.root, 1);
        Allocation.Measured<Handle> big = Allocation.of(
                () -> m.ioctl(m.root, fd, new I915Ioctl.GemCreate(16L << 30)).value().handle());
        assertThat(big.bytes()).isLessThan(Allocation.SMALL);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(~0L)), Errno.EINVAL);            // [2]
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemCreate(~0L << 32)), Errno.E2BIG);      // [3]
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(a, ~0L, 0)), Errno.EINVAL);    // [30]
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(a, 1L << 62, 0)), Errno.EFAULT); // [33]
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemMmap(big.value(), 0, ~0L, 0)), Errno.EINVAL); // [86]
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemPwrite(big.value(), ~0L, new byte[1])), Errno.EINVAL);
        Allocation.Measured<Outcome<Long>> mapped =
                Allocation.of(() -> m.ioctl(m.root, fd, new I915Ioctl.GemMmap(big.value(), 0, 16L << 30, 0)));
        assertThat(mapped.value().isOk()).isTrue();
        assertThat(mapped.bytes()).isLessThan(Allocation.SMALL);
    }

    @Test
    @DisplayName("mmap of a huge length on a closed fd is EBADF: ksys_mmap_pgoff looks the fd up first")
    void mmapLooksUpTheFileBeforeTheLength() {
        assertErrno(m.backend.mmap(m.root, MmapRequest.shared(new Fd(42), 0, ~0L, Mman.PROT_READ)), Errno.EBADF);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(~0L, RW)), Errno.ENOMEM);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(1L << 62, RW)), Errno.ENOMEM);
    }

    @Test
    @DisplayName("exynos userptr at the top of the address space is EFAULT, not an exception")
    void exynosUserptrAtTheTop() {
        Machine exynos = new Machine(Profiles.EXYNOS_2012);
        Fd fd = exynos.card(exynos.root);
        assertErrno(exynos.ioctl(exynos.root, fd, new I915Ioctl.GemUserptr(0x7ffffffffffff000L, 2 * PAGE, 0)),
                Errno.EFAULT);
        assertErrno(exynos.ioctl(exynos.root, fd, new I915Ioctl.GemUserptr(-PAGE, 2 * PAGE, 0)), Errno.EFAULT);
    }
}
