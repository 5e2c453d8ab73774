package org.uapispec.device.mmap;

import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

/**
 * An object of no pages gets no fake offset: drm_mm_insert_node_in_range refuses a size of 0 with
 * ENOSPC. Found by the random-sequence test: 3.16 creates a userptr of size 0 [29], and its GTT
 * offset used to be a hole's start that it did not occupy, so the next object got the same start
 * and freeing the empty object took the other object's node with it.
 */
class EmptyObjectOffsetTest {
    private final Machine m = new Machine(Profiles.I915_2014);

    @Test
    @DisplayName("MMAP_GTT of a zero-size userptr is ENOSPC and leaves the next object's offset alone")
    void zeroSizeObjectGetsNoOffset() {
        Fd fd = m.card(m.root);
        long a = m.anon(m.root, 1);
        Handle empty = m.ioctl(m.root, fd, new I915Ioctl.GemUserptr(a, 0, 0)).value();
        assertErrno(m.ioctl(m.root, fd, new I915Ioctl.GemMmapGtt(empty)), Errno.ENOSPC);

        Handle h = m.create(m.root, fd, PAGE);
        MmapOffset offset = m.ioctl(m.root, fd, new I915Ioctl.GemMmapGtt(h)).value();
        assertOk(m.ioctl(m.root, fd, new DrmIoctl.GemClose(empty)));
        long addr = assertMapped(fd, offset);
        assertOk(m.backend.write(m.root, addr, bytes("still mine")));
        assertOk(m.ioctl(m.root, fd, new I915Ioctl.GemPread(h, 0, 10))).isEqualTo(bytes("still mine"));
    }

    private long assertMapped(Fd fd, MmapOffset offset) {
        int rw = Mman.PROT_READ | Mman.PROT_WRITE;
        return m.backend.mmap(m.root, MmapRequest.shared(fd, offset.value(), PAGE, rw)).value();
    }
}
