package org.uapispec.device.mmap;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The device's fake-offset address space in pages (drm_vma_offset_manager's drm_mm): best fit, lowest
 * start first, so a freed range is handed to the next object that fits it [71]. Free ranges are kept
 * by start (to merge neighbours) and by size (to find the best fit), both O(log n).
 */
final class FakeOffsetAllocator {
    /** DRM_FILE_PAGE_OFFSET_START on 64-bit: offsets start at 4 GiB. */
    static final long FIRST_PAGE = 0x100000000L >>> 12;
    /** DRM_FILE_PAGE_OFFSET_SIZE on 64-bit. */
    static final long PAGES = (0xffffffffL >>> 12) * 256;

    private final TreeMap<Long, Long> holesByStart = new TreeMap<>();
    private final TreeMap<Long, TreeSet<Long>> holesBySize = new TreeMap<>();

    FakeOffsetAllocator() {
        addHole(FIRST_PAGE, PAGES);
    }

    /**
     * The first page of a new range of {@code pages}, or empty when no hole fits (ENOSPC). An empty
     * range is ENOSPC too, as drm_mm_insert_node_in_range answers a size of 0: a range that occupies
     * nothing would share its start with the next object's.
     */
    OptionalLong allocate(long pages) {
        if (pages <= 0) {
            return OptionalLong.empty();
        }
        Map.Entry<Long, TreeSet<Long>> best = holesBySize.ceilingEntry(pages);
        if (best == null) {
            return OptionalLong.empty();
        }
        long size = best.getKey();
        long start = best.getValue().first();
        removeHole(start, size);
        if (size > pages) {
            addHole(start + pages, size - pages);
        }
        return OptionalLong.of(start);
    }

    /** Returns {@code [start, start + pages)} to the free space, merged with free neighbours. */
    void free(long start, long pages) {
        long from = start;
        long size = pages;
        Map.Entry<Long, Long> below = holesByStart.lowerEntry(start);
        if (below != null && below.getKey() + below.getValue() == start) {
            removeHole(below.getKey(), below.getValue());
            from = below.getKey();
            size += below.getValue();
        }
        Long above = holesByStart.get(start + pages);
        if (above != null) {
            removeHole(start + pages, above);
            size += above;
        }
        addHole(from, size);
    }

    private void addHole(long start, long size) {
        holesByStart.put(start, size);
        holesBySize.computeIfAbsent(size, s -> new TreeSet<>()).add(start);
    }

    private void removeHole(long start, long size) {
        holesByStart.remove(start);
        TreeSet<Long> starts = holesBySize.get(size);
        starts.remove(start);
        if (starts.isEmpty()) {
            holesBySize.remove(size);
        }
    }
}
