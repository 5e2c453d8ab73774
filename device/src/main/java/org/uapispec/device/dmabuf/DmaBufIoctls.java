package org.uapispec.device.dmabuf;

import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;

/** The ioctls of a dma-buf file (dma_buf_ioctl): only DMA_BUF_IOCTL_SYNC, from Linux 4.6 [98]. */
final class DmaBufIoctls extends UnsupportedIoctls {
    private final boolean syncExists;

    DmaBufIoctls(boolean syncExists) {
        this.syncExists = syncExists;
    }

    /** Unknown bits, or neither READ nor WRITE, are EINVAL: 0, -1, RW+1, VALID_MASK+1 [98]. */
    @Override
    public Outcome<Void> dmaBufSync(DmaBufIoctl.Sync request) {
        if (!syncExists) {
            return super.dmaBufSync(request);
        }
        long flags = request.flags();
        if ((flags & ~DmaBufIoctl.SYNC_VALID_FLAGS_MASK) != 0 || (flags & DmaBufIoctl.SYNC_RW) == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok();
    }
}
