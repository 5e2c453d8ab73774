package org.uapispec.device.mmap;

import org.uapispec.device.dmabuf.ImportedStorage;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.profile.MmapRules;

/**
 * The RFC's should_forward_mmap (seed 003): on profiles that forward, an imported object's WB, WC
 * and UC offsets are mapped by dma_buf_mmap of the dma-buf it came from instead of refused [99].
 */
final class Forwarding {
    private Forwarding() {
    }

    static boolean forwards(MmapRules rules, GemObject object, OffsetType type) {
        return rules.forwardImports() && object.storage() instanceof ImportedStorage
                && (type == OffsetType.WB || type == OffsetType.WC || type == OffsetType.UC);
    }
}
