package org.uapispec.device.mmap;

import org.uapispec.api.I915Ioctl;

/**
 * What a fake-offset node stands for: the object's one node (the DRM core's {@code obj->vma_node},
 * also i915's GTT offset before 5.5), or one of i915's mmap types (one node per object and type [63]).
 */
enum OffsetType {
    OBJECT, GTT, WC, WB, UC, FIXED;

    static OffsetType of(I915Ioctl.MmapType type) {
        return valueOf(type.name());
    }
}
