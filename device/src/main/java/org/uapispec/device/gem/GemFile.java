package org.uapispec.device.gem;

/** A DRM file as GEM sees it: the owner of one handle table on one device. */
public interface GemFile {
    HandleTable handles();

    GemDevice gemDevice();
}
