package org.uapispec.device.dmabuf;

import org.uapispec.api.Errno;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/**
 * An open node of a dma-buf provider that is no DRM device ({@link MiscDevice}): opened read-write,
 * answering only its ioctls; the dma-bufs it makes live on their own.
 */
abstract class ProviderNode extends OpenFile {
    private final MiscDevice device;

    ProviderNode(MiscDevice device) {
        this.device = device;
    }

    /** Neither node has an mmap: mmap_region's missing f_op->mmap, ENODEV. */
    @Override
    public final Outcome<Mapping> mmap(Process caller, MmapRequest request) {
        return Outcome.err(Errno.ENODEV);
    }

    @Override
    public final boolean writable() {
        return true;
    }

    @Override
    protected final void release() {
        // The dma-bufs it made hold nothing of the node.
    }

    @Override
    public final String describe() {
        return device.path();
    }
}
