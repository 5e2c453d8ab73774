package org.uapispec.device.mmap;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.GemObject;

/**
 * One fake-offset node (drm_vma_offset_node, or i915's mmap_offset): the object and type it maps, its
 * page range once allocated, and its allow list of files with a reference count per file [64, 69].
 */
final class OffsetNode {
    static final long UNALLOCATED = -1;

    private final GemObject object;
    private final OffsetType type;
    private final Map<GemFile, Integer> allowed = new HashMap<>();
    private long start = UNALLOCATED;

    OffsetNode(GemObject object, OffsetType type) {
        this.object = object;
        this.type = type;
    }

    GemObject object() {
        return object;
    }

    OffsetType type() {
        return type;
    }

    long start() {
        return start;
    }

    void place(long firstPage) {
        this.start = firstPage;
    }

    boolean allocated() {
        return start != UNALLOCATED;
    }

    long pages() {
        return object.pages();
    }

    /** drm_vma_node_allow (a reference per call) or, with {@code once}, drm_vma_node_allow_once. */
    void allow(GemFile file, boolean once) {
        allowed.merge(file, 1, (count, one) -> once ? count : count + 1);
    }

    /** drm_vma_node_revoke: drops one reference; the entry goes with the last [67, 69]. */
    void revoke(GemFile file) {
        allowed.computeIfPresent(file, (f, count) -> count == 1 ? null : count - 1);
    }

    boolean isAllowed(GemFile file) {
        return allowed.containsKey(file);
    }

    @Override
    public String toString() {
        return "node " + type + " of object " + object.id() + " at page 0x" + Long.toHexString(start)
                + " allowed " + allowed.size() + " files";
    }
}
