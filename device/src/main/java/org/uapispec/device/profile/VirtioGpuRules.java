package org.uapispec.device.profile;

import org.uapispec.api.VirtioGpuIoctl;

/**
 * virtio-gpu's own ioctls (drivers/gpu/drm/virtio/virtgpu_ioctl.c) as one era has them, on the
 * virtio device QEMU emulates ({@code virtio-gpu-pci}: no virgl, no blob resources, no context
 * init, no capability sets). Read only where the driver is {@link Driver#VIRTIO_GPU}.
 *
 * @param ioctls     how many driver ioctls the table has (virtio_gpu_ioctls[]): 9 until blob
 *                   resources (5.11) and context init (5.16) made it 11; a number past it is EINVAL
 *                   in drm_ioctl
 * @param lastParam  the highest GETPARAM the driver knows; a higher one is EINVAL: 2 until 5.11
 *                   (RESOURCE_BLOB, HOST_VISIBLE, CROSS_DEVICE), 7 from 5.16 (CONTEXT_INIT,
 *                   SUPPORTED_CAPSET_IDs), 8 with EXPLICIT_DEBUG_NAME, 9 with BLOB_ALIGNMENT
 * @param crossDevice what CROSS_DEVICE answers: whether the host assigns resource UUIDs
 *                   (VIRTIO_GPU_F_RESOURCE_UUID), which QEMU's virtio-gpu-pci does not offer
 *                   (measured 0 on 6.1, 6.12 and 7.2)
 */
public record VirtioGpuRules(int ioctls, long lastParam, boolean crossDevice) {
    /** Debian's 7.2 on QEMU's virtio-gpu-pci. */
    public static final VirtioGpuRules NEWEST = new VirtioGpuRules(11, VirtioGpuIoctl.PARAM_BLOB_ALIGNMENT, false);

    public VirtioGpuRules withLastParam(long param) {
        return new VirtioGpuRules(ioctls, param, crossDevice);
    }

    public VirtioGpuRules withIoctls(int count) {
        return new VirtioGpuRules(count, lastParam, crossDevice);
    }
}
