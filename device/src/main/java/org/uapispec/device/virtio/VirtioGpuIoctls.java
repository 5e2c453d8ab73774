package org.uapispec.device.virtio;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;
import org.uapispec.api.VirtioGpuIoctl;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemIoctls;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.gem.ObjectLifecycle;
import org.uapispec.device.mmap.MmapIoctls;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.GemRules;
import org.uapispec.device.profile.VirtioGpuRules;

/**
 * virtio-gpu's ioctls for one call, on QEMU's virtio-gpu-pci: no virgl (has_virgl_3d false), no
 * blob resources, no context init, no capability sets. The 2D calls work; the 3D ones answer as
 * virtgpu_ioctl.c does without virgl. The caller has checked the driver and its ioctl table.
 */
public final class VirtioGpuIoctls {
    /** PIPE_TEXTURE_2D, the one target a 2D resource may have. */
    private static final int TARGET_2D = 2;

    private final DrmFile file;
    private final Process caller;
    private final GemRules gem;
    private final VirtioGpuRules rules;
    private final Resources resources;

    public VirtioGpuIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.gem = file.device().profile().gem();
        this.rules = gem.virtioGpu();
        this.resources = Resources.of(file.device());
    }

    /** VIRTGPU_MAP: virtio_gpu_mode_dumb_mmap, the object's offset (ENOENT for a bad handle). */
    public Outcome<MmapOffset> map(VirtioGpuIoctl.Map request) {
        return new MmapIoctls(file, caller).mapObject(request.handle());
    }

    /**
     * VIRTGPU_GETPARAM: the params the era knows (others EINVAL), each from the host's features: no
     * 3D, the capset fix always 1, no blob, no host-visible memory, resource UUIDs as the host
     * offers, no context init and so no capsets or debug names; BLOB_ALIGNMENT ENOENT without the
     * host's alignment. The value goes to an int the caller points at (EFAULT is the backend's).
     */
    public Outcome<Integer> getParam(VirtioGpuIoctl.GetParam request) {
        long param = request.param();
        if (param < VirtioGpuIoctl.PARAM_3D_FEATURES || param > rules.lastParam()) {
            return Outcome.err(Errno.EINVAL);
        }
        if (param == VirtioGpuIoctl.PARAM_BLOB_ALIGNMENT) {
            return Outcome.err(Errno.ENOENT); // !vgdev->has_blob_alignment
        }
        if (param == VirtioGpuIoctl.PARAM_CAPSET_QUERY_FIX) {
            return Outcome.ok(1);
        }
        if (param == VirtioGpuIoctl.PARAM_CROSS_DEVICE) {
            return Outcome.ok(rules.crossDevice() ? 1 : 0);
        }
        return Outcome.ok(0);
    }

    /**
     * VIRTGPU_RESOURCE_CREATE without virgl: depth, samples, array size above 1, more than one mip
     * level, a target other than 2D are EINVAL; {@code size} 0 is one page, others page-rounded
     * (drm_gem_shmem_create); the pages are pinned for the host (past the guest's memory as for dumb
     * buffers, {@link GemIoctls#newDriverObject}); then the handle and the host resource's id.
     */
    public Outcome<VirtioGpuIoctl.ResourceCreate.Result> resourceCreate(VirtioGpuIoctl.ResourceCreate request) {
        if (Integer.compareUnsigned(request.depth(), 1) > 0 || Integer.compareUnsigned(request.nrSamples(), 1) > 0
                || Integer.compareUnsigned(request.lastLevel(), 1) > 0 || request.target() != TARGET_2D
                || Integer.compareUnsigned(request.arraySize(), 1) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        long size = request.size() == 0 ? Mman.PAGE_SIZE : Integer.toUnsignedLong(request.size());
        long aligned = (size + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
        return new GemIoctls(file).newDriverObject(aligned).map(handle -> new VirtioGpuIoctl.ResourceCreate.Result(
                handle, resources.idOf(file.handles().lookup(handle).orElseThrow())));
    }

    /** VIRTGPU_RESOURCE_INFO: ENOENT for a bad handle; the object's size and resource id. */
    public Outcome<VirtioGpuIoctl.ResourceInfo.Result> resourceInfo(VirtioGpuIoctl.ResourceInfo request) {
        return lookup(request.handle()).map(object ->
                new VirtioGpuIoctl.ResourceInfo.Result(object.size(), resources.idOf(object)));
    }

    /**
     * VIRTGPU_TRANSFER_TO_HOST without virgl: ENOENT for a bad handle, else a TRANSFER_TO_HOST_2D
     * command the host carries out (the kernel checks no box).
     */
    public Outcome<Void> transferToHost(VirtioGpuIoctl.TransferToHost request) {
        return lookup(request.handle()).map(object -> null);
    }

    /** VIRTGPU_TRANSFER_FROM_HOST: ENOSYS without virgl, before the handle is looked up. */
    public Outcome<Void> transferFromHost(VirtioGpuIoctl.TransferFromHost request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /**
     * VIRTGPU_WAIT: ENOENT for a bad handle; with NOWAIT, EBUSY while a fence of the object is
     * pending; other flag bits are not looked at. The model's objects have no host fences pending.
     */
    public Outcome<Void> waitFor(VirtioGpuIoctl.Wait request) {
        return lookup(request.handle()).then(object -> (request.flags() & VirtioGpuIoctl.WAIT_NOWAIT) != 0
                && !object.reservation().signaledFor(true) ? Outcome.err(Errno.EBUSY) : Outcome.ok());
    }

    /** VIRTGPU_EXECBUFFER: ENOSYS without virgl, before the flags. */
    public Outcome<Void> execbuffer(VirtioGpuIoctl.Execbuffer request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** VIRTGPU_GET_CAPS: ENOSYS when the host has no capability sets (num_capsets 0). */
    public Outcome<Void> getCaps(VirtioGpuIoctl.GetCaps request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** VIRTGPU_RESOURCE_CREATE_BLOB: verify_blob's first check, no blob resources: EINVAL. */
    public Outcome<Handle> resourceCreateBlob(VirtioGpuIoctl.ResourceCreateBlob request) {
        return Outcome.err(Errno.EINVAL);
    }

    /** VIRTGPU_CONTEXT_INIT: EINVAL without the host's context init and virgl. */
    public Outcome<Void> contextInit(VirtioGpuIoctl.ContextInit request) {
        return Outcome.err(Errno.EINVAL);
    }

    private Outcome<GemObject> lookup(Handle handle) {
        Optional<GemObject> object = file.handles().lookup(handle);
        return object.map(Outcome::ok).orElseGet(() -> Outcome.err(Errno.ENOENT));
    }

    /**
     * The host resource id of each object (hw_res_handle, from virtio_gpu_resource_id_get at
     * creation): the model numbers an object when a call first needs its id, from 1; ids are never
     * reused while the model runs, as the kernel's grow for the machine's life (no spec compares them
     * with a number).
     */
    private static final class Resources implements ObjectLifecycle {
        private final Map<GemObject, Integer> ids = new IdentityHashMap<>();
        private int next = 1;

        static Resources of(DrmDevice device) {
            return device.extension(Resources.class, d -> {
                Resources resources = new Resources();
                d.gem().addListener(resources);
                return resources;
            });
        }

        int idOf(GemObject object) {
            return ids.computeIfAbsent(object, o -> next++);
        }

        @Override
        public void freed(GemObject object) {
            ids.remove(object);
        }
    }
}
