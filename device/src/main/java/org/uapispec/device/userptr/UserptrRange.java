package org.uapispec.device.userptr;

import org.uapispec.api.Mman;

/**
 * The user range a userptr object wraps: {@code size} bytes from {@code start}. Overlap follows the
 * kernel's inclusive interval-tree nodes ({@code it.start = ptr, it.last = ptr + size - 1} in the
 * seed's {@code i915_gem_userptr_init__mmu_notifier}), so a zero-size range (which the seed does not
 * refuse [29]) is the inverted node {@code [ptr, ptr - 1]}: it overlaps only a range that holds both
 * the byte before {@code ptr} and the byte at it.
 *
 * @param start the user address (page aligned on i915)
 * @param size  the length in bytes
 */
record UserptrRange(long start, long size) {

    /** The inclusive last byte; {@code start - 1} for a zero-size range. */
    long last() {
        return start + size - 1;
    }

    long end() {
        return start + size;
    }

    long pages() {
        return (size + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE;
    }

    /** {@code interval_tree_iter_first}'s test: {@code a.start <= b.last && a.last >= b.start}. */
    boolean overlaps(UserptrRange other) {
        return start <= other.last() && last() >= other.start;
    }

    /**
     * The non-empty half-open interval to store in, and query from, the address space's interval
     * tree: it covers every range this one {@link #overlaps}; callers filter hits with
     * {@link #overlaps}.
     */
    long treeStart() {
        return Math.min(start, last());
    }

    long treeEnd() {
        return Math.max(start, last()) + 1;
    }

    @Override
    public String toString() {
        return "0x" + Long.toHexString(start) + "+" + size;
    }
}
