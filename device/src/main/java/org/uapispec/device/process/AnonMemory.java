package org.uapispec.device.process;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Outcome;

/** Anonymous memory: zero pages allocated on first touch. Shared after fork only with MAP_SHARED. */
public final class AnonMemory implements Backing {
    private final Map<Long, Page> pages;

    public AnonMemory() {
        this(new HashMap<>());
    }

    private AnonMemory(Map<Long, Page> pages) {
        this.pages = pages;
    }

    @Override
    public Outcome<Page> fault(long index, boolean write) {
        return Outcome.ok(pages.computeIfAbsent(index, i -> new Page()));
    }

    /** Anonymous memory never refuses a fault. */
    @Override
    public long firstRefused(long first, long count, boolean write) {
        return -1;
    }

    /** A private copy of the pages in {@code [first, first + count)}, for fork of MAP_PRIVATE memory. */
    AnonMemory copyOf(long first, long count) {
        Map<Long, Page> copy = new HashMap<>();
        if (count < pages.size()) {
            for (long i = first; i < first + count; i++) {
                Page page = pages.get(i);
                if (page != null) {
                    copy.put(i, page.copy());
                }
            }
        } else {
            pages.forEach((i, page) -> {
                if (i >= first && i < first + count) {
                    copy.put(i, page.copy());
                }
            });
        }
        return new AnonMemory(copy);
    }

    @Override
    public boolean pinnable() {
        return true;
    }

    @Override
    public void open() {
        // Anonymous memory lives as long as some VMA refers to it; the garbage collector does the rest.
    }

    @Override
    public void close() {
        // See open().
    }

    @Override
    public String describe() {
        return "anon";
    }
}
