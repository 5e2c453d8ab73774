package org.uapispec.device.dmabuf;

import org.uapispec.device.api.DmaBufIoctl;
import org.uapispec.device.api.DrmIoctl;
import org.uapispec.device.api.Errno;
import org.uapispec.device.api.Fd;
import org.uapispec.device.api.Handle;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.process.Process;

/** The PRIME ioctls of one call. */
public final class PrimeIoctls {
    private final DrmFile file;
    private final Process caller;

    public PrimeIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
    }

    /** PRIME_HANDLE_TO_FD. */
    public Outcome<Fd> export(DrmIoctl.PrimeHandleToFd request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** PRIME_FD_TO_HANDLE. */
    public Outcome<Handle> importFd(DrmIoctl.PrimeFdToHandle request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** DMA_BUF_IOCTL_SYNC is answered by the dma-buf file itself; see {@code DmaBufIoctl}. */
    static Outcome<Void> sync(DmaBufIoctl.Sync request) {
        return Outcome.err(Errno.ENOSYS);
    }

    DrmFile file() {
        return file;
    }

    Process caller() {
        return caller;
    }
}
