package org.uapispec.device.mmap;

import org.uapispec.device.file.DrmDevice;

/** Installs the mmap-offset model on a device: its per-device state and lifecycle listeners. */
public final class MmapFeature {
    private MmapFeature() {
    }

    /** Called once when the device is created, before any file opens it. */
    public static void install(DrmDevice device) {
        OffsetSpace.of(device);
    }
}
