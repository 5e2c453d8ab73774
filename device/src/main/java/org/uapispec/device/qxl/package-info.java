/** qxl's own ioctls (drivers/gpu/drm/qxl/qxl_ioctl.c) that a guest exercises without a SPICE client. */
package org.uapispec.device.qxl;
