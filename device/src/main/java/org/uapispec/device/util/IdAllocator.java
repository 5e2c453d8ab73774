package org.uapispec.device.util;

import java.util.TreeSet;

/**
 * Hands out the lowest free integer id at or above a base, as the kernel's {@code idr_alloc(idr, p,
 * base, 0, ...)} does: closed numbers are reused before new ones [8]. Allocation and release cost
 * O(log f) where f is the number of released ids below the high-water mark.
 */
public final class IdAllocator {
    private final int base;
    private final TreeSet<Integer> released = new TreeSet<>();
    private int next;

    public IdAllocator(int base) {
        this.base = base;
        this.next = base;
    }

    /** An independent allocator with the same ids in use (fork copies an fd table this way). */
    public IdAllocator copy() {
        IdAllocator copy = new IdAllocator(base);
        copy.released.addAll(released);
        copy.next = next;
        return copy;
    }

    /** The lowest id not in use. */
    public int allocate() {
        Integer reused = released.pollFirst();
        if (reused != null) {
            return reused;
        }
        if (next == Integer.MAX_VALUE) {
            throw new IllegalStateException("id space exhausted");
        }
        return next++;
    }

    /** Makes {@code id} available again; it must have been allocated and not yet released. */
    public void release(int id) {
        if (id < base || id >= next || !released.add(id)) {
            throw new IllegalArgumentException("id " + id + " is not allocated");
        }
        // Keep the high-water mark tight so the released set stays small.
        while (next > base && released.remove(next - 1)) {
            next--;
        }
    }
}
