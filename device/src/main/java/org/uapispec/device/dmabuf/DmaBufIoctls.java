package org.uapispec.device.dmabuf;

import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Outcome;

/**
 * The ioctls of a dma-buf file: dma_buf_ioctl is a switch on the command whose one case is
 * DMA_BUF_IOCTL_SYNC, from Linux 4.6 [98], and whose {@code default} is ENOTTY.
 *
 * <p>This is the one file type that answers through a fallback rather than an {@link Ioctl.Handler}.
 * The visitor exists so that a new request forces every backend to decide its answer; a DRM file
 * must, and does. A dma-buf file's answer to every request but its own is ENOTTY by the kernel's own
 * {@code default}, so a handler here would be one ENOTTY method per DRM and i915 request, each added
 * by rote and none a decision. The cost: a new dma-buf request (DMA_BUF_SET_NAME, say) needs its
 * case added here by hand; the DRM file's handler is still forced to answer it.
 */
final class DmaBufIoctls {
    private DmaBufIoctls() {
    }

    /** {@code request} issued on a dma-buf file whose exporter has (or lacks) the 4.6 CPU-access set. */
    static <R> Outcome<R> answer(Ioctl<R> request, boolean syncExists) {
        if (syncExists && request instanceof DmaBufIoctl.Sync sync) {
            // SYNC's result type is Void, whose one value is null: R is Void on this branch.
            return validSync(sync.flags()) ? Outcome.ok(null) : Outcome.err(Errno.EINVAL);
        }
        return Outcome.err(Errno.ENOTTY);
    }

    /** Unknown bits, or neither READ nor WRITE, are EINVAL: 0, -1, RW+1, VALID_MASK+1 [98]. */
    private static boolean validSync(long flags) {
        return (flags & ~DmaBufIoctl.SYNC_VALID_FLAGS_MASK) == 0 && (flags & DmaBufIoctl.SYNC_RW) != 0;
    }
}
