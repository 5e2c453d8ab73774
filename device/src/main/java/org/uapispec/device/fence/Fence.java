package org.uapispec.device.fence;

/**
 * One fence ({@code struct dma_fence}) as vgem makes it: for a read or for a write, unsignaled until
 * signaled once. vgem's fences also signal themselves after ten seconds (VGEM_FENCE_TIMEOUT); the
 * model has no clock, so a fence here is signaled only by the ioctl or by its file's release.
 */
public final class Fence {
    private final boolean write;
    private boolean signaled;

    public Fence(boolean write) {
        this.write = write;
    }

    public boolean write() {
        return write;
    }

    public boolean signaled() {
        return signaled;
    }

    /** dma_fence_signal; whether the fence was signaled already (the second signal changes nothing). */
    public boolean signal() {
        boolean before = signaled;
        signaled = true;
        return before;
    }

    @Override
    public String toString() {
        return (write ? "write" : "read") + " fence" + (signaled ? ", signaled" : "");
    }
}
