package org.uapispec.device.fence;

import java.util.ArrayList;
import java.util.List;

/**
 * The fences of one buffer ({@code struct dma_resv}): write fences and read fences. A GEM object
 * and the dma-bufs exported from it share one, and an object imported from another device's dma-buf
 * uses the exporter's ({@code obj->resv = dma_buf->resv} in drm_gem_prime_import_dev).
 */
public final class Reservation {
    private final List<Fence> fences = new ArrayList<>();

    /**
     * {@code dma_resv_test_signaled(resv, dma_resv_usage_rw(write))} (5.10:
     * {@code dma_resv_test_signaled_rcu(resv, test_all = write)}): for a write, whether every fence
     * is signaled; for a read, whether every write fence is.
     */
    public boolean signaledFor(boolean write) {
        for (Fence fence : fences) {
            if (!fence.signaled() && (write || fence.write())) {
                return false;
            }
        }
        return true;
    }

    /** dma_resv_add_fence: signaled fences are dropped as the kernel replaces them. */
    public void add(Fence fence) {
        fences.removeIf(Fence::signaled);
        fences.add(fence);
    }

    /** How many fences are not signaled yet, for the state dump. */
    public int pending() {
        int pending = 0;
        for (Fence fence : fences) {
            pending += fence.signaled() ? 0 : 1;
        }
        return pending;
    }
}
