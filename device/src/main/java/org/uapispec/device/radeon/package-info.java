/** radeon's own GEM ioctls on QEMU's RV100: GEM_INFO, GEM_CREATE and GEM_MMAP (GEM_USERPTR is the userptr package's). */
package org.uapispec.device.radeon;
