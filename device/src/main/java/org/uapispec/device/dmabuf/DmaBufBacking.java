package org.uapispec.device.dmabuf;

import org.uapispec.api.Outcome;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;

/**
 * A mapping of a dma-buf: every VMA holds the dma-buf (vma->vm_file), which holds the exported object,
 * so the mapping keeps working after every fd and handle is gone [92].
 */
final class DmaBufBacking implements Backing {
    private final DmaBufFile dmaBuf;
    private final boolean pinnable;

    DmaBufBacking(DmaBufFile dmaBuf, boolean pinnable) {
        this.dmaBuf = dmaBuf;
        this.pinnable = pinnable;
    }

    @Override
    public Outcome<Page> fault(long index, boolean write) {
        return dmaBuf.exporter().page(index, write);
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return dmaBuf.exporter().firstRefused(first, count, write);
    }

    /** i915 maps the shmem file itself (pinnable); GEM-object exporters map PFNs. */
    @Override
    public boolean pinnable() {
        return pinnable;
    }

    @Override
    public void open() {
        dmaBuf.hold();
    }

    @Override
    public void close() {
        dmaBuf.unhold();
    }

    @Override
    public String describe() {
        return "dma-buf of " + dmaBuf.exporter().describe();
    }
}
