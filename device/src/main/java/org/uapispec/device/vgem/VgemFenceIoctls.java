package org.uapispec.device.vgem;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.VgemIoctl;
import org.uapispec.device.fence.Fence;
import org.uapispec.device.fence.FenceTable;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.gem.HandleTable;

/**
 * DRM_IOCTL_VGEM_FENCE_ATTACH and DRM_IOCTL_VGEM_FENCE_SIGNAL as drivers/gpu/drm/vgem/vgem_fence.c
 * answers them, the same from Linux 4.10 to 7.2 but for the dma_resv calls' names.
 */
public final class VgemFenceIoctls {
    private final HandleTable handles;
    private final FenceTable fences;

    public VgemFenceIoctls(HandleTable handles, FenceTable fences) {
        this.handles = handles;
        this.fences = fences;
    }

    /**
     * vgem_fence_attach_ioctl: flags other than VGEM_FENCE_WRITE and a non-zero pad are EINVAL, an
     * unknown handle ENOENT; a fence that would conflict with one not yet signaled (any fence for a
     * write, a write fence for a read) is EBUSY; else the fence is added to the object's reservation
     * and gets the file's next id.
     */
    public Outcome<Integer> attach(VgemIoctl.FenceAttach request) {
        if ((request.flags() & ~VgemIoctl.FENCE_WRITE) != 0 || request.pad() != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<GemObject> object = handles.lookup(request.handle());
        if (object.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        boolean write = (request.flags() & VgemIoctl.FENCE_WRITE) != 0;
        Reservation reservation = object.get().reservation();
        if (!reservation.signaledFor(write)) {
            return Outcome.err(Errno.EBUSY);
        }
        Fence fence = new Fence(write);
        reservation.add(fence);
        return Outcome.ok(fences.add(fence));
    }

    /**
     * vgem_fence_signal_ioctl: non-zero flags are EINVAL; an id never given out, or one signaled
     * through this ioctl already, is ENOENT; a fence that had signaled itself (by its timeout) is
     * ETIMEDOUT, which the model, without a clock, never answers.
     */
    public Outcome<Void> signal(VgemIoctl.FenceSignal request) {
        if (request.flags() != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        long id = Integer.toUnsignedLong(request.fence());
        if (!fences.allocated(id)) {
            return Outcome.err(Errno.ENOENT);
        }
        Fence fence = fences.take(id);
        if (fence == null) {
            return Outcome.err(Errno.ENOENT);
        }
        return fence.signal() ? Outcome.err(Errno.ETIMEDOUT) : Outcome.ok();
    }
}
