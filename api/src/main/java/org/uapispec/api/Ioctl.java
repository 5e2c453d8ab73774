package org.uapispec.api;

/**
 * One ioctl request: the argument struct of a DRM or dma-buf ioctl, as a value. {@code R} is what the
 * ioctl hands back on success (the struct's out fields).
 *
 * <p>Java 17 has no pattern-matching {@code switch}, so requests dispatch through {@link Handler}:
 * adding a request adds a handler method, and every backend fails to compile until it answers it.
 *
 * @param <R> the result of a successful call
 */
public sealed interface Ioctl<R> permits DrmIoctl, I915Ioctl, VgemIoctl, VirtioGpuIoctl, QxlIoctl, RadeonIoctl, DmaBufIoctl, UdmabufIoctl, DmaHeapIoctl {

    /** The ioctl's name as the kernel headers spell it ({@code DRM_IOCTL_GEM_CLOSE}). */
    String ioctlName();

    /** Calls the handler method for this request. */
    Outcome<R> dispatch(Handler handler);

    /** Answers every request type; a backend implements it for one calling process and file. */
    interface Handler {
        Outcome<Void> gemClose(DrmIoctl.GemClose request);

        Outcome<FlinkName> gemFlink(DrmIoctl.GemFlink request);

        Outcome<DrmIoctl.GemOpen.Result> gemOpen(DrmIoctl.GemOpen request);

        Outcome<DrmIoctl.Version.Result> version(DrmIoctl.Version request);

        Outcome<Magic> getMagic(DrmIoctl.GetMagic request);

        Outcome<Long> getCap(DrmIoctl.GetCap request);

        Outcome<Void> authMagic(DrmIoctl.AuthMagic request);

        Outcome<DrmIoctl.ModeCreateDumb.Result> modeCreateDumb(DrmIoctl.ModeCreateDumb request);

        Outcome<MmapOffset> modeMapDumb(DrmIoctl.ModeMapDumb request);

        Outcome<Void> modeDestroyDumb(DrmIoctl.ModeDestroyDumb request);

        Outcome<Fd> primeHandleToFd(DrmIoctl.PrimeHandleToFd request);

        Outcome<Handle> primeFdToHandle(DrmIoctl.PrimeFdToHandle request);

        Outcome<I915Ioctl.GemCreate.Result> gemCreate(I915Ioctl.GemCreate request);

        Outcome<byte[]> gemPread(I915Ioctl.GemPread request);

        Outcome<Void> gemPwrite(I915Ioctl.GemPwrite request);

        Outcome<Void> gemSetDomain(I915Ioctl.GemSetDomain request);

        Outcome<Void> gemExecbuffer(I915Ioctl.GemExecbuffer request);

        Outcome<Handle> gemUserptr(I915Ioctl.GemUserptr request);

        Outcome<MmapOffset> gemMmapGtt(I915Ioctl.GemMmapGtt request);

        Outcome<MmapOffset> gemMmapOffset(I915Ioctl.GemMmapOffset request);

        Outcome<Long> gemMmap(I915Ioctl.GemMmap request);

        Outcome<Integer> vgemFenceAttach(VgemIoctl.FenceAttach request);

        Outcome<Void> vgemFenceSignal(VgemIoctl.FenceSignal request);

        Outcome<MmapOffset> virtioGpuMap(VirtioGpuIoctl.Map request);

        Outcome<Integer> virtioGpuGetParam(VirtioGpuIoctl.GetParam request);

        Outcome<VirtioGpuIoctl.ResourceCreate.Result> virtioGpuResourceCreate(VirtioGpuIoctl.ResourceCreate request);

        Outcome<VirtioGpuIoctl.ResourceInfo.Result> virtioGpuResourceInfo(VirtioGpuIoctl.ResourceInfo request);

        Outcome<Void> virtioGpuTransferToHost(VirtioGpuIoctl.TransferToHost request);

        Outcome<Void> virtioGpuTransferFromHost(VirtioGpuIoctl.TransferFromHost request);

        Outcome<Void> virtioGpuWait(VirtioGpuIoctl.Wait request);

        Outcome<Void> virtioGpuExecbuffer(VirtioGpuIoctl.Execbuffer request);

        Outcome<Void> virtioGpuGetCaps(VirtioGpuIoctl.GetCaps request);

        Outcome<Handle> virtioGpuResourceCreateBlob(VirtioGpuIoctl.ResourceCreateBlob request);

        Outcome<Void> virtioGpuContextInit(VirtioGpuIoctl.ContextInit request);

        Outcome<Handle> qxlAlloc(QxlIoctl.Alloc request);

        Outcome<MmapOffset> qxlMap(QxlIoctl.Map request);

        Outcome<Long> qxlGetParam(QxlIoctl.GetParam request);

        Outcome<RadeonIoctl.GemInfo.Result> radeonGemInfo(RadeonIoctl.GemInfo request);

        Outcome<Handle> radeonGemCreate(RadeonIoctl.GemCreate request);

        Outcome<MmapOffset> radeonGemMmap(RadeonIoctl.GemMmap request);

        Outcome<Handle> radeonGemUserptr(RadeonIoctl.GemUserptr request);

        Outcome<Void> dmaBufSync(DmaBufIoctl.Sync request);

        Outcome<Fd> udmabufCreate(UdmabufIoctl.Create request);

        Outcome<Fd> udmabufCreateList(UdmabufIoctl.CreateList request);

        Outcome<Fd> dmaHeapAlloc(DmaHeapIoctl.Alloc request);
    }
}
