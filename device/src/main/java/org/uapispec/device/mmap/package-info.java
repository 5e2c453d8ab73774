/** Mmap offsets: fake-offset nodes, per-file allow lists and revocation, and mmap of device files. */
package org.uapispec.device.mmap;
