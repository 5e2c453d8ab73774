package org.uapispec.device.vgem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.VgemIoctl;
import org.uapispec.device.Machine;
import org.uapispec.device.profile.Profiles;

/** vgem_fence.c's attach and signal: argument checks, conflicts on the reservation, ids, release. */
class VgemFenceTest {
    private static final int WRITE = VgemIoctl.FENCE_WRITE;

    private final Machine m = new Machine(Profiles.GENERIC);
    private final Fd fd = m.card(m.root);

    private Handle dumb() {
        return m.ioctl(m.root, fd, new DrmIoctl.ModeCreateDumb(64, 64, 32, 0)).value().handle();
    }

    private Outcome<Integer> attach(Fd file, Handle handle, int flags) {
        return m.ioctl(m.root, file, new VgemIoctl.FenceAttach(handle, flags, 0));
    }

    private Outcome<Void> signal(Fd file, int fence) {
        return m.ioctl(m.root, file, new VgemIoctl.FenceSignal(fence, 0));
    }

    @Test
    @DisplayName("flags other than WRITE and a non-zero pad are EINVAL, before the handle is looked up")
    void argumentsFirst() {
        assertErrno(m.ioctl(m.root, fd, new VgemIoctl.FenceAttach(new Handle(0xff), 0xff, 0)), Errno.EINVAL);
        assertErrno(m.ioctl(m.root, fd, new VgemIoctl.FenceAttach(new Handle(0xff), 0, 1)), Errno.EINVAL);
        assertErrno(attach(fd, new Handle(0xff), 0), Errno.ENOENT);
        assertErrno(m.ioctl(m.root, fd, new VgemIoctl.FenceSignal(1, 0xff)), Errno.EINVAL);
    }

    @Test
    @DisplayName("reads share, a write waits for every fence, a read for the write fence: else EBUSY")
    void conflicts() {
        Handle h = dumb();
        int first = assertOk(attach(fd, h, 0)).actual();
        int second = assertOk(attach(fd, h, 0)).actual();
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertErrno(attach(fd, h, WRITE), Errno.EBUSY);
        assertOk(signal(fd, first));
        assertErrno(attach(fd, h, WRITE), Errno.EBUSY);
        assertOk(signal(fd, second));
        int write = assertOk(attach(fd, h, WRITE)).actual();
        assertErrno(attach(fd, h, 0), Errno.EBUSY);
        assertOk(signal(fd, write));
        assertOk(attach(fd, h, 0));
    }

    @Test
    @DisplayName("ids are never reused: a signaled id and one never given out are ENOENT")
    void ids() {
        Handle h = dumb();
        int fence = assertOk(attach(fd, h, 0)).actual();
        assertOk(signal(fd, fence));
        assertErrno(signal(fd, fence), Errno.ENOENT);
        assertErrno(signal(fd, 0xff), Errno.ENOENT);
        assertErrno(signal(fd, 0), Errno.ENOENT);
        assertOk(attach(fd, h, 0)).isEqualTo(fence + 1);
    }

    @Test
    @DisplayName("fence ids are the file's own, the fences the object's: closing the file signals them")
    void perFileIdsSharedReservation() {
        Handle h = dumb();
        FlinkName name = m.ioctl(m.root, fd, new DrmIoctl.GemFlink(h)).value();
        Fd other = m.card(m.root);
        Handle there = m.ioctl(m.root, other, new DrmIoctl.GemOpen(name)).value().handle();
        int fence = assertOk(attach(other, there, WRITE)).actual();
        assertThat(fence).isEqualTo(1);
        assertErrno(signal(fd, fence), Errno.ENOENT);
        assertErrno(attach(fd, h, 0), Errno.EBUSY);
        assertOk(m.backend.close(m.root, other));
        assertOk(attach(fd, h, WRITE));
    }

    @Test
    @DisplayName("a dma-buf polls readable once its write fences signal, writable once all do; a closed fd POLLNVAL")
    void pollFollowsTheFences() {
        Handle h = dumb();
        Fd dmaBuf = m.ioctl(m.root, fd, new DrmIoctl.PrimeHandleToFd(h, 0)).value();
        int both = Mman.POLLIN | Mman.POLLOUT;
        assertOk(m.backend.poll(m.root, dmaBuf, both)).isEqualTo(both);
        int reader = assertOk(attach(fd, h, 0)).actual();
        assertOk(m.backend.poll(m.root, dmaBuf, both)).isEqualTo(Mman.POLLIN);
        assertOk(signal(fd, reader));
        int writer = assertOk(attach(fd, h, WRITE)).actual();
        assertOk(m.backend.poll(m.root, dmaBuf, both)).isEqualTo(0);
        assertOk(signal(fd, writer));
        assertOk(m.backend.poll(m.root, dmaBuf, Mman.POLLOUT)).isEqualTo(Mman.POLLOUT);
        assertOk(m.backend.poll(m.root, fd, both)).isEqualTo(0);
        assertOk(m.backend.close(m.root, dmaBuf));
        assertOk(m.backend.poll(m.root, dmaBuf, both)).isEqualTo(Mman.POLLNVAL);
    }

    @Test
    @DisplayName("on another driver the number is another ioctl, and the model refuses the call")
    void vgemOnly() {
        Machine i915 = new Machine(Profiles.I915);
        Fd card = i915.card(i915.root);
        Handle h = i915.create(i915.root, card, Machine.PAGE);
        assertThat(i915.ioctl(i915.root, card, new VgemIoctl.FenceAttach(h, 0, 0)))
                .isInstanceOf(Outcome.Refused.class);
    }
}
