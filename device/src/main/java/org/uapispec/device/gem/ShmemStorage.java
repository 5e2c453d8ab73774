package org.uapispec.device.gem;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.Page;

/** Pages of a driver-created object: zero until written [5], allocated on first touch. */
public final class ShmemStorage implements Storage {
    private final Map<Long, Page> pages = new HashMap<>();

    @Override
    public Outcome<Page> page(long index, boolean write) {
        return Outcome.ok(pages.computeIfAbsent(index, i -> new Page()));
    }

    /** shmem pages are allocated on demand and never refused. */
    @Override
    public long firstRefused(long first, long count, boolean write) {
        return -1;
    }

    @Override
    public String describe() {
        return "shmem";
    }
}
