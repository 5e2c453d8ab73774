package org.uapispec.device.integration;

import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.device.profile.Profiles;

/** Userptr objects through the mmap-offset and PRIME paths, end to end through the backend. */
class UserptrMeetsMmapAndPrimeTest {

    private static Handle userptr(Machine m, Fd fd, long addr, long size, int flags) {
        return m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(addr, size, flags)).value();
    }

    @ParameterizedTest(name = "[51] MMAP_OFFSET {0} of a userptr is ENODEV on i915")
    @EnumSource(I915Ioctl.MmapType.class)
    @DisplayName("[51] every mmap type of a userptr object is ENODEV today")
    void noMmapOffsetForUserptr(I915Ioctl.MmapType type) {
        Machine m = new Machine(Profiles.I915);
        Fd fd = m.card(m.root);
        Handle h = userptr(m, fd, m.anon(m.root, 1), PAGE, 0);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemMmapOffset(h, type)), Errno.ENODEV);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemMmapGtt(h)), Errno.ENODEV);
    }

    @Test
    @DisplayName("[53] exporting a userptr is EINVAL on i915")
    void noExportToday() {
        Machine m = new Machine(Profiles.I915);
        Fd fd = m.card(m.root);
        Handle h = userptr(m, fd, m.anon(m.root, 1), PAGE, 0);
        assertErrno(m.ioctl(m.root, fd, new DrmIoctl.PrimeHandleToFd(h, DrmIoctl.DRM_CLOEXEC)), Errno.EINVAL);
    }

    @Test
    @DisplayName("[53, 95] on i915-2019 a userptr exports, and mmap of that dma-buf is ENODEV (no shmem file)")
    void exportThenMmapIn2019() {
        Machine m = new Machine(Profiles.I915_2019);
        Fd fd = m.card(m.root);
        long addr = m.anon(m.root, 1);
        m.backend.write(m.root, addr, bytes("user"));
        Handle h = userptr(m, fd, addr, PAGE, 0);
        Fd dmaBuf = m.ioctl(m.root, fd, new DrmIoctl.PrimeHandleToFd(h, DrmIoctl.DRM_CLOEXEC)).value();
        assertErrno(m.backend.mmap(m.root, MmapRequest.shared(dmaBuf, 0, PAGE, Mman.PROT_READ)), Errno.ENODEV);

        // Importing into a second file of the same device gives the same object, user pages and all.
        Fd other = m.card(m.root);
        Handle imported = m.ioctl(m.root, other, new DrmIoctl.PrimeFdToHandle(dmaBuf)).value();
        assertOk(m.ioctl(m.root, other, new I915Ioctl.GemPread(imported, 0, 4))).isEqualTo(bytes("user"));
    }

    @Test
    @DisplayName("[36] PROBE refuses a range that holds a GEM mmap-offset mapping with EFAULT")
    void probeRefusesGemMappings() {
        Machine m = new Machine(Profiles.I915);
        Fd fd = m.card(m.root);
        Handle gem = m.create(m.root, fd, PAGE);
        MmapOffset offset = m.ioctl(m.root, fd, new I915Ioctl.GemMmapOffset(gem, I915Ioctl.MmapType.WB)).value();
        long gemMapping = m.backend.mmap(m.root, MmapRequest.shared(fd, offset.value(), PAGE, RW)).value();
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(gemMapping, PAGE, I915Ioctl.USERPTR_PROBE)),
                Errno.EFAULT);
        long anon = m.anon(m.root, 1);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(anon, PAGE, I915Ioctl.USERPTR_PROBE)));
    }

    @Test
    @DisplayName("[37] without PROBE, a userptr over a GEM mapping creates and fails with EFAULT at first use")
    void lazyFailureOverGemMapping() {
        Machine m = new Machine(Profiles.I915);
        Fd fd = m.card(m.root);
        Handle gem = m.create(m.root, fd, PAGE);
        MmapOffset offset = m.ioctl(m.root, fd, new I915Ioctl.GemMmapOffset(gem, I915Ioctl.MmapType.WB)).value();
        long gemMapping = m.backend.mmap(m.root, MmapRequest.shared(fd, offset.value(), PAGE, RW)).value();
        Handle h = userptr(m, fd, gemMapping, PAGE, 0);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(h))), Errno.EFAULT);
    }

    @Test
    @DisplayName("[46, 72] MAP_FIXED of a GEM mapping over a userptr range invalidates the userptr")
    void gemMappingOverUserptrInvalidates() {
        Machine m = new Machine(Profiles.I915);
        Fd fd = m.card(m.root);
        long addr = m.anon(m.root, 1);
        Handle h = userptr(m, fd, addr, PAGE, 0);
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(h))));
        Handle gem = m.create(m.root, fd, PAGE);
        MmapOffset offset = m.ioctl(m.root, fd, new I915Ioctl.GemMmapOffset(gem, I915Ioctl.MmapType.WB)).value();
        assertOk(m.backend.mmap(m.root, new MmapRequest(addr, PAGE, RW, Mman.MAP_SHARED | Mman.MAP_FIXED, fd,
                offset.value()))).isEqualTo(addr);
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemExecbuffer(List.of(h))), Errno.EFAULT);
    }
}
