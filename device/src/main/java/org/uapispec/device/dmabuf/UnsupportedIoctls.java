package org.uapispec.device.dmabuf;

import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;

/**
 * A file that knows none of the requests: every one is ENOTTY, as for a file whose unlocked_ioctl does
 * not recognise the command. Files that answer some requests extend it and override those.
 */
class UnsupportedIoctls implements Ioctl.Handler {

    private static <R> Outcome<R> enotty() {
        return Outcome.err(Errno.ENOTTY);
    }

    @Override
    public Outcome<Void> gemClose(DrmIoctl.GemClose request) {
        return enotty();
    }

    @Override
    public Outcome<FlinkName> gemFlink(DrmIoctl.GemFlink request) {
        return enotty();
    }

    @Override
    public Outcome<DrmIoctl.GemOpen.Result> gemOpen(DrmIoctl.GemOpen request) {
        return enotty();
    }

    @Override
    public Outcome<Magic> getMagic(DrmIoctl.GetMagic request) {
        return enotty();
    }

    @Override
    public Outcome<Void> authMagic(DrmIoctl.AuthMagic request) {
        return enotty();
    }

    @Override
    public Outcome<DrmIoctl.ModeCreateDumb.Result> modeCreateDumb(DrmIoctl.ModeCreateDumb request) {
        return enotty();
    }

    @Override
    public Outcome<MmapOffset> modeMapDumb(DrmIoctl.ModeMapDumb request) {
        return enotty();
    }

    @Override
    public Outcome<Void> modeDestroyDumb(DrmIoctl.ModeDestroyDumb request) {
        return enotty();
    }

    @Override
    public Outcome<Fd> primeHandleToFd(DrmIoctl.PrimeHandleToFd request) {
        return enotty();
    }

    @Override
    public Outcome<Handle> primeFdToHandle(DrmIoctl.PrimeFdToHandle request) {
        return enotty();
    }

    @Override
    public Outcome<I915Ioctl.GemCreate.Result> gemCreate(I915Ioctl.GemCreate request) {
        return enotty();
    }

    @Override
    public Outcome<byte[]> gemPread(I915Ioctl.GemPread request) {
        return enotty();
    }

    @Override
    public Outcome<Void> gemPwrite(I915Ioctl.GemPwrite request) {
        return enotty();
    }

    @Override
    public Outcome<Void> gemSetDomain(I915Ioctl.GemSetDomain request) {
        return enotty();
    }

    @Override
    public Outcome<Void> gemExecbuffer(I915Ioctl.GemExecbuffer request) {
        return enotty();
    }

    @Override
    public Outcome<Handle> gemUserptr(I915Ioctl.GemUserptr request) {
        return enotty();
    }

    @Override
    public Outcome<MmapOffset> gemMmapGtt(I915Ioctl.GemMmapGtt request) {
        return enotty();
    }

    @Override
    public Outcome<MmapOffset> gemMmapOffset(I915Ioctl.GemMmapOffset request) {
        return enotty();
    }

    @Override
    public Outcome<Long> gemMmap(I915Ioctl.GemMmap request) {
        return enotty();
    }

    @Override
    public Outcome<Void> dmaBufSync(DmaBufIoctl.Sync request) {
        return enotty();
    }
}
