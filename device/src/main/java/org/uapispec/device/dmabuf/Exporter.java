package org.uapispec.device.dmabuf;

import java.util.Optional;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;

/**
 * What a dma-buf wraps, and how (its {@code priv} and its {@code dma_buf_ops}): a GEM object of a
 * DRM device (drm_prime.c), the pinned memfd pages of a udmabuf [101-108], or a system-heap buffer.
 * The dma-buf core's own checks (the range of an mmap [93], the SYNC flags [98], llseek [97]) are
 * {@link DmaBufFile}'s; what an exporter decides is here.
 */
public interface Exporter {

    /** The buffer's size in bytes, a whole number of pages. */
    long size();

    /** The page at {@code index} for a CPU access through a mapping or an importer. */
    Outcome<Page> page(long index, boolean write);

    /** The first page of the range that {@link #page} refuses, or -1, without faulting any in. */
    long firstRefused(long first, long count, boolean write);

    /** The buffer's fences ({@code dma_buf->resv}), which its importers share. */
    Reservation reservation();

    /** The exported GEM object, when a DRM device exported the buffer; importing it there is that object. */
    Optional<GemObject> gemObject();

    /** Whether DMA_BUF_IOCTL_SYNC exists on the kernel that made the buffer (Linux 4.6) [98]. */
    boolean syncIoctl();

    /**
     * The exporter's begin_cpu_access ({@code end} false) or end_cpu_access, after the core checked
     * the SYNC flags [98]; most exporters never refuse.
     */
    default Outcome<Void> cpuAccess(boolean end) {
        return Outcome.ok();
    }

    /**
     * The exporter's {@code dma_buf_ops.mmap} of {@code pages} pages from {@code pgoff}, inside the
     * buffer (the core checked that): a mapping whose VM_MAY* bits are {@code maxProt}, or the
     * exporter's refusal.
     */
    Outcome<OpenFile.Mapping> mmap(DmaBufFile dmaBuf, long pgoff, long pages, boolean shared, int maxProt);

    /**
     * Whether {@code map_dma_buf} gives an importer an sg table: a DRM exporter without
     * get_sg_table answers ENOSYS to importers that map at import.
     */
    boolean providesSgTable();

    /** The dma-buf is destroyed ({@code dma_buf_ops.release}): drop what it holds. */
    void release();

    /** A short description for state dumps ({@code device 0 object 3}, {@code udmabuf of 2 pages}). */
    String describe();
}
