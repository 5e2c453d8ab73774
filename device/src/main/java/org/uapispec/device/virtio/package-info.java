/** virtio-gpu's own ioctls (drivers/gpu/drm/virtio/virtgpu_ioctl.c) on a host without virgl. */
package org.uapispec.device.virtio;
