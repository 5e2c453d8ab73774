package org.uapispec.device.fence;

import java.util.ArrayList;
import java.util.List;

/**
 * A vgem file's fences by id ({@code vfile->fence_idr}): ids from 1, never reused while the file is
 * open, since signaling replaces the fence by nothing (idr_replace) without freeing its id; the
 * file's release signals every fence left (vgem_fence_close).
 */
public final class FenceTable {
    /** Index id - 1; null once the fence was signaled through the ioctl. */
    private final List<Fence> byId = new ArrayList<>();

    /** idr_alloc(&vfile->fence_idr, fence, 1, 0): the next id. */
    public int add(Fence fence) {
        byId.add(fence);
        return byId.size();
    }

    /** Whether {@code id} was ever given out (idr_replace of any other id is ERR_PTR(-ENOENT)). */
    public boolean allocated(long id) {
        return id >= 1 && id <= byId.size();
    }

    /** idr_replace(idr, NULL, id): the fence at {@code id}, which is no longer there afterwards. */
    public Fence take(long id) {
        Fence fence = byId.get((int) id - 1);
        byId.set((int) id - 1, null);
        return fence;
    }

    /** vgem_fence_close: every fence still in the table is signaled. */
    public void releaseAll() {
        for (Fence fence : byId) {
            if (fence != null) {
                fence.signal();
            }
        }
        byId.clear();
    }

    /** The unsignaled fences' ids, for the state dump. */
    public List<Integer> pending() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < byId.size(); i++) {
            if (byId.get(i) != null && !byId.get(i).signaled()) {
                ids.add(i + 1);
            }
        }
        return ids;
    }
}
