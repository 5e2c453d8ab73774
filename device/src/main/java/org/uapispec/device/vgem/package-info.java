/** What only the vgem driver answers: its fence ioctls (drivers/gpu/drm/vgem/vgem_fence.c). */
package org.uapispec.device.vgem;
