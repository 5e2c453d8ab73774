package org.uapispec.device.dmabuf;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;

/**
 * The buffer of a dma-buf that no DRM device exported: a fixed list of pages, held until the dma-buf
 * is destroyed. udmabuf's are the memfd's own pages, pinned (so a byte written through the memfd is
 * read through the dma-buf) [108]; the system heap's are its own, zeroed.
 */
final class PinnedPages implements Exporter {
    /**
     * A run of {@code count} pages of a source from its page {@code first}; the source allocates a page
     * the first time it is asked (a memfd's are pinned at creation, which only the memfd observes).
     */
    record Segment(LongFunction<Page> source, long first, long count) {
    }

    /** The segments by the buffer page each starts at: a page is found in O(log n). */
    private final TreeMap<Long, Segment> segments = new TreeMap<>();
    private final long pages;
    private final boolean privateMaps;
    private final boolean endNeedsBegin;
    private boolean begun;
    private final Runnable release;
    private final String label;
    private final Reservation reservation = new Reservation();

    /**
     * @param segments    the buffer's pages, in order
     * @param privateMaps whether the exporter's mmap takes MAP_PRIVATE for a one-page mapping
     *                    (system_heap_mmap's remap_pfn_range of each page, which a copy-on-write
     *                    mapping allows only over the whole VMA) or refuses it (mmap_udmabuf: EINVAL
     *                    without VM_SHARED) [106]
     * @param endNeedsBegin whether end_cpu_access refuses (EINVAL) until a begin_cpu_access made the
     *                    sg table (udmabuf's end_cpu_udmabuf)
     * @param release     what destroying the dma-buf lets go (udmabuf: the pins)
     * @param label       for state dumps
     */
    PinnedPages(List<Segment> segments, boolean privateMaps, boolean endNeedsBegin, Runnable release, String label) {
        this.endNeedsBegin = endNeedsBegin;
        long start = 0;
        for (Segment segment : segments) {
            this.segments.put(start, segment);
            start += segment.count();
        }
        this.pages = start;
        this.privateMaps = privateMaps;
        this.release = release;
        this.label = label;
    }

    @Override
    public long size() {
        return pages * Mman.PAGE_SIZE;
    }

    /** The fault handler: a page past the buffer is VM_FAULT_SIGBUS. */
    @Override
    public Outcome<Page> page(long index, boolean write) {
        if (index < 0 || index >= pages) {
            return Outcome.sig(Signal.SIGBUS);
        }
        Map.Entry<Long, Segment> at = segments.floorEntry(index);
        Segment segment = at.getValue();
        return Outcome.ok(segment.source().apply(segment.first() + index - at.getKey()));
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        if (first < 0 || first >= pages) {
            return first;
        }
        return count > pages - first ? pages : -1;
    }

    @Override
    public Reservation reservation() {
        return reservation;
    }

    @Override
    public Optional<GemObject> gemObject() {
        return Optional.empty();
    }

    /** Both providers postdate the CPU-access set. */
    @Override
    public boolean syncIoctl() {
        return true;
    }

    @Override
    public Outcome<Void> cpuAccess(boolean end) {
        if (!end) {
            begun = true;
            return Outcome.ok();
        }
        return endNeedsBegin && !begun ? Outcome.err(Errno.EINVAL) : Outcome.ok();
    }

    /** Both insert PFNs (VM_PFNMAP): get_user_pages cannot pin the mapping. */
    @Override
    public Outcome<OpenFile.Mapping> mmap(DmaBufFile dmaBuf, long pgoff, long count, boolean shared, int maxProt) {
        if (!shared && (!privateMaps || count > 1)) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok(new OpenFile.Mapping(new DmaBufBacking(dmaBuf, false), pgoff, maxProt));
    }

    /** map_udmabuf and system_heap_map_dma_buf hand importers an sg table. */
    @Override
    public boolean providesSgTable() {
        return true;
    }

    @Override
    public void release() {
        release.run();
    }

    @Override
    public String describe() {
        return label + " of " + pages + " pages";
    }
}
