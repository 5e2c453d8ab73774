package org.uapispec.device.dmabuf;

import org.uapispec.device.file.DrmDevice;

/** Installs the PRIME model on a device: its per-device state and lifecycle listeners. */
public final class PrimeFeature {
    private PrimeFeature() {
    }

    /** Called once when the device is created, before any file opens it. */
    public static void install(DrmDevice device) {
        PrimeState.of(device);
    }
}
