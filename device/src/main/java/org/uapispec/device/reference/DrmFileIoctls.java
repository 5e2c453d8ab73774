package org.uapispec.device.reference;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
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
import org.uapispec.api.QxlIoctl;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.api.VgemIoctl;
import org.uapispec.api.VirtioGpuIoctl;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.dmabuf.PrimeIoctls;
import org.uapispec.device.gem.GemIoctls;
import org.uapispec.device.mmap.MmapIoctls;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.Driver;
import org.uapispec.device.qxl.QxlIoctls;
import org.uapispec.device.radeon.RadeonIoctls;
import org.uapispec.device.userptr.UserptrIoctls;
import org.uapispec.device.vgem.VgemFenceIoctls;
import org.uapispec.device.virtio.VirtioGpuIoctls;

/**
 * Answers one ioctl on a DRM file in the order drm_ioctl does: a driver ioctl the device's driver
 * lacks is EINVAL (the index is past the driver's table), then drm_ioctl_permit's flags, then the
 * call itself.
 */
final class DrmFileIoctls implements Ioctl.Handler {
    private static final Set<Driver> I915_ONLY = EnumSet.of(Driver.I915);
    private static final Set<Driver> CREATE_DRIVERS = EnumSet.of(Driver.I915, Driver.EXYNOS);

    private final DrmFile file;
    private final Process caller;
    private final GemIoctls gem;

    DrmFileIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.gem = new GemIoctls(file);
    }

    @Override
    public Outcome<Void> gemClose(DrmIoctl.GemClose request) {
        return core(IoctlFlags.RENDER_ALLOW, () -> gem.close(request.handle()));
    }

    @Override
    public Outcome<FlinkName> gemFlink(DrmIoctl.GemFlink request) {
        return core(IoctlFlags.AUTH, () -> gem.flink(request.handle()));
    }

    @Override
    public Outcome<DrmIoctl.GemOpen.Result> gemOpen(DrmIoctl.GemOpen request) {
        return core(IoctlFlags.AUTH, () -> gem.open(request.name()));
    }

    @Override
    public Outcome<Magic> getMagic(DrmIoctl.GetMagic request) {
        return core(IoctlFlags.NONE, () -> Outcome.ok(new Magic(file.getMagic())));
    }

    /** drm_version, DRM_RENDER_ALLOW: the driver's numbers, name and description. */
    @Override
    public Outcome<DrmIoctl.Version.Result> version(DrmIoctl.Version request) {
        Driver driver = file.device().profile().driver();
        // radeon's KMS_DRIVER_MINOR moves with its features, era by era; other drivers' stay
        int minor = driver == Driver.RADEON ? file.device().profile().gem().radeon().kmsMinor() : driver.minor();
        return core(IoctlFlags.RENDER_ALLOW, () -> Outcome.ok(new DrmIoctl.Version.Result(driver.major(),
                minor, 0, driver.driverName(), driver.description())));
    }

    /** drm_getcap, DRM_RENDER_ALLOW. */
    @Override
    public Outcome<Long> getCap(DrmIoctl.GetCap request) {
        return core(IoctlFlags.RENDER_ALLOW, () -> Capabilities.get(file.device().profile(), request.capability()));
    }

    @Override
    public Outcome<Void> authMagic(DrmIoctl.AuthMagic request) {
        return core(IoctlFlags.AUTH_MASTER,
                () -> file.authMagic(request.magic().value()) ? Outcome.ok() : Outcome.err(Errno.EINVAL));
    }

    @Override
    public Outcome<DrmIoctl.ModeCreateDumb.Result> modeCreateDumb(DrmIoctl.ModeCreateDumb request) {
        return core(IoctlFlags.NONE, () -> gem.createDumb(request));
    }

    @Override
    public Outcome<MmapOffset> modeMapDumb(DrmIoctl.ModeMapDumb request) {
        return core(IoctlFlags.NONE, () -> new MmapIoctls(file, caller).mapDumb(request));
    }

    @Override
    public Outcome<Void> modeDestroyDumb(DrmIoctl.ModeDestroyDumb request) {
        return core(IoctlFlags.NONE, () -> gem.close(request.handle()));
    }

    @Override
    public Outcome<Fd> primeHandleToFd(DrmIoctl.PrimeHandleToFd request) {
        return core(primeFlags(), () -> new PrimeIoctls(file, caller).export(request));
    }

    @Override
    public Outcome<Handle> primeFdToHandle(DrmIoctl.PrimeFdToHandle request) {
        return core(primeFlags(), () -> new PrimeIoctls(file, caller).importFd(request));
    }

    @Override
    public Outcome<I915Ioctl.GemCreate.Result> gemCreate(I915Ioctl.GemCreate request) {
        return driver(CREATE_DRIVERS, () -> gem.create(request));
    }

    @Override
    public Outcome<byte[]> gemPread(I915Ioctl.GemPread request) {
        return driver(I915_ONLY, () -> gem.pread(request));
    }

    @Override
    public Outcome<Void> gemPwrite(I915Ioctl.GemPwrite request) {
        return driver(I915_ONLY, () -> gem.pwrite(request));
    }

    @Override
    public Outcome<Void> gemSetDomain(I915Ioctl.GemSetDomain request) {
        return driver(I915_ONLY, () -> gem.setDomain(request, caller));
    }

    @Override
    public Outcome<Void> gemExecbuffer(I915Ioctl.GemExecbuffer request) {
        return driver(I915_ONLY, () -> gem.execbuffer(request.objects(), caller));
    }

    @Override
    public Outcome<Handle> gemUserptr(I915Ioctl.GemUserptr request) {
        return driver(CREATE_DRIVERS, () -> new UserptrIoctls(file, caller).create(request));
    }

    @Override
    public Outcome<MmapOffset> gemMmapGtt(I915Ioctl.GemMmapGtt request) {
        return driver(I915_ONLY, () -> new MmapIoctls(file, caller).mmapGtt(request));
    }

    @Override
    public Outcome<MmapOffset> gemMmapOffset(I915Ioctl.GemMmapOffset request) {
        return driver(I915_ONLY, () -> new MmapIoctls(file, caller).mmapOffset(request));
    }

    @Override
    public Outcome<Long> gemMmap(I915Ioctl.GemMmap request) {
        return driver(I915_ONLY, () -> new MmapIoctls(file, caller).gemMmap(request));
    }

    @Override
    public Outcome<Void> dmaBufSync(DmaBufIoctl.Sync request) {
        return Outcome.err(Errno.ENOTTY); // a dma-buf ioctl ('b' magic) on a DRM file
    }

    /**
     * The udmabuf and dma-heap requests ('u' and 'H' magic) on a DRM file. drm_ioctl dispatches by the
     * number alone, so on Linux they reach whichever DRM ioctl has their number (0x42 and 0x43 are
     * driver ioctls, 0 is VERSION) with a struct of the wrong layout; the model does not follow that
     * and answers ENOTTY, as for {@link #dmaBufSync}. No spec sends them to a DRM file.
     */
    @Override
    public Outcome<Fd> udmabufCreate(UdmabufIoctl.Create request) {
        return Outcome.err(Errno.ENOTTY);
    }

    @Override
    public Outcome<Fd> udmabufCreateList(UdmabufIoctl.CreateList request) {
        return Outcome.err(Errno.ENOTTY);
    }

    @Override
    public Outcome<Fd> dmaHeapAlloc(DmaHeapIoctl.Alloc request) {
        return Outcome.err(Errno.ENOTTY);
    }

    private IoctlFlags primeFlags() {
        return file.device().profile().gem().primeNeedsAuth() ? IoctlFlags.AUTH_RENDER_ALLOW : IoctlFlags.RENDER_ALLOW;
    }

    private <R> Outcome<R> core(IoctlFlags flags, Supplier<Outcome<R>> call) {
        return flags.permit(file).then(v -> call.get());
    }

    @Override
    public Outcome<Integer> vgemFenceAttach(VgemIoctl.FenceAttach request) {
        return driverIoctl(Driver.VGEM, IoctlFlags.RENDER_ALLOW, request,
                () -> new VgemFenceIoctls(file.handles(), file.fences()).attach(request));
    }

    @Override
    public Outcome<Void> vgemFenceSignal(VgemIoctl.FenceSignal request) {
        return driverIoctl(Driver.VGEM, IoctlFlags.RENDER_ALLOW, request,
                () -> new VgemFenceIoctls(file.handles(), file.fences()).signal(request));
    }

    @Override
    public Outcome<MmapOffset> virtioGpuMap(VirtioGpuIoctl.Map request) {
        return virtio(1, request, () -> virtio().map(request));
    }

    @Override
    public Outcome<Integer> virtioGpuGetParam(VirtioGpuIoctl.GetParam request) {
        return virtio(3, request, () -> virtio().getParam(request));
    }

    @Override
    public Outcome<VirtioGpuIoctl.ResourceCreate.Result> virtioGpuResourceCreate(VirtioGpuIoctl.ResourceCreate request) {
        return virtio(4, request, () -> virtio().resourceCreate(request));
    }

    @Override
    public Outcome<VirtioGpuIoctl.ResourceInfo.Result> virtioGpuResourceInfo(VirtioGpuIoctl.ResourceInfo request) {
        return virtio(5, request, () -> virtio().resourceInfo(request));
    }

    @Override
    public Outcome<Void> virtioGpuTransferFromHost(VirtioGpuIoctl.TransferFromHost request) {
        return virtio(6, request, () -> virtio().transferFromHost(request));
    }

    @Override
    public Outcome<Void> virtioGpuTransferToHost(VirtioGpuIoctl.TransferToHost request) {
        return virtio(7, request, () -> virtio().transferToHost(request));
    }

    @Override
    public Outcome<Void> virtioGpuWait(VirtioGpuIoctl.Wait request) {
        return virtio(8, request, () -> virtio().waitFor(request));
    }

    @Override
    public Outcome<Void> virtioGpuExecbuffer(VirtioGpuIoctl.Execbuffer request) {
        return virtio(2, request, () -> virtio().execbuffer(request));
    }

    @Override
    public Outcome<Void> virtioGpuGetCaps(VirtioGpuIoctl.GetCaps request) {
        return virtio(9, request, () -> virtio().getCaps(request));
    }

    @Override
    public Outcome<Handle> virtioGpuResourceCreateBlob(VirtioGpuIoctl.ResourceCreateBlob request) {
        return virtio(10, request, () -> virtio().resourceCreateBlob(request));
    }

    @Override
    public Outcome<Void> virtioGpuContextInit(VirtioGpuIoctl.ContextInit request) {
        return virtio(11, request, () -> virtio().contextInit(request));
    }

    private VirtioGpuIoctls virtio() {
        return new VirtioGpuIoctls(file, caller);
    }

    /**
     * virtio-gpu's ioctls (DRM_RENDER_ALLOW, virtio_gpu_ioctls[]), by their number: one past the
     * era's table is EINVAL in drm_ioctl (5.10 has nine). drm_ioctl checks the table before
     * drm_ioctl_permit, which never refuses a DRM_RENDER_ALLOW ioctl, so the order here is the same.
     */
    private <R> Outcome<R> virtio(int nr, Ioctl<R> request, Supplier<Outcome<R>> call) {
        return driverIoctl(Driver.VIRTIO_GPU, IoctlFlags.RENDER_ALLOW, request,
                () -> nr > file.device().profile().gem().virtioGpu().ioctls() ? Outcome.err(Errno.EINVAL) : call.get());
    }

    @Override
    public Outcome<Handle> qxlAlloc(QxlIoctl.Alloc request) {
        return driverIoctl(Driver.QXL, IoctlFlags.AUTH, request, () -> new QxlIoctls(file, caller).alloc(request));
    }

    @Override
    public Outcome<MmapOffset> qxlMap(QxlIoctl.Map request) {
        return driverIoctl(Driver.QXL, IoctlFlags.AUTH, request, () -> new QxlIoctls(file, caller).map(request));
    }

    @Override
    public Outcome<Long> qxlGetParam(QxlIoctl.GetParam request) {
        return driverIoctl(Driver.QXL, IoctlFlags.AUTH, request, () -> new QxlIoctls(file, caller).getParam(request));
    }

    /** radeon's ioctls are DRM_AUTH | DRM_RENDER_ALLOW (radeon_ioctls_kms[]). */
    @Override
    public Outcome<RadeonIoctl.GemInfo.Result> radeonGemInfo(RadeonIoctl.GemInfo request) {
        return driverIoctl(Driver.RADEON, IoctlFlags.AUTH_RENDER_ALLOW, request,
                () -> new RadeonIoctls(file, caller).info());
    }

    @Override
    public Outcome<Handle> radeonGemCreate(RadeonIoctl.GemCreate request) {
        return driverIoctl(Driver.RADEON, IoctlFlags.AUTH_RENDER_ALLOW, request,
                () -> new RadeonIoctls(file, caller).create(request));
    }

    @Override
    public Outcome<MmapOffset> radeonGemMmap(RadeonIoctl.GemMmap request) {
        return driverIoctl(Driver.RADEON, IoctlFlags.AUTH_RENDER_ALLOW, request,
                () -> new RadeonIoctls(file, caller).mmap(request));
    }

    @Override
    public Outcome<Handle> radeonGemUserptr(RadeonIoctl.GemUserptr request) {
        return driverIoctl(Driver.RADEON, IoctlFlags.AUTH_RENDER_ALLOW, request,
                () -> new UserptrIoctls(file, caller).create(request));
    }

    /**
     * A driver's own ioctl: vgem's (DRM_RENDER_ALLOW, vgem_ioctls[]), virtio-gpu's, qxl's (DRM_AUTH,
     * qxl_ioctls[]), radeon's. Their numbers are other drivers' own ioctls (vgem's 0x41 is I915_FLUSH, a no-op,
     * and EXYNOS_GEM_MAP), which the model does not answer as: on another driver the call is refused,
     * never answered. On its own driver, drm_ioctl_permit's {@code flags}, then the call.
     */
    private <R> Outcome<R> driverIoctl(Driver owner, IoctlFlags flags, Ioctl<R> request, Supplier<Outcome<R>> call) {
        Driver driver = file.device().profile().driver();
        if (driver != owner) {
            return Outcome.refused(request.ioctlName() + " is a " + owner.driverName() + " ioctl whose number "
                    + driver + " gives to an ioctl of its own, which the model does not answer; call it on a "
                    + owner.driverName() + " profile");
        }
        return core(flags, call);
    }

    /** Driver ioctls are all DRM_RENDER_ALLOW in the drivers modelled (i915_ioctls[] since 3.12). */
    private <R> Outcome<R> driver(Set<Driver> drivers, Supplier<Outcome<R>> call) {
        if (!drivers.contains(file.device().profile().driver())) {
            return Outcome.err(Errno.EINVAL);
        }
        return core(IoctlFlags.RENDER_ALLOW, call);
    }
}
