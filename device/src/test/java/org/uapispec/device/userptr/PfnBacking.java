package org.uapispec.device.userptr;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;

/** A VM_PFNMAP mapping's backing, like a GEM mmap-offset mapping: CPU faults work, gup does not. */
final class PfnBacking implements Backing {
    final Map<Long, Page> pages = new HashMap<>();
    int opens;

    @Override
    public Outcome<Page> fault(long index, boolean write) {
        return Outcome.ok(pages.computeIfAbsent(index, i -> new Page()));
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return -1;
    }

    @Override
    public boolean pinnable() {
        return false;
    }

    @Override
    public void open() {
        opens++;
    }

    @Override
    public void close() {
        opens--;
    }

    @Override
    public String describe() {
        return "pfn";
    }
}
