package org.uapispec.device.dmabuf;

import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/**
 * A dma-buf: one open file (every export of a GEM object hands out a new fd to this same file [90])
 * whose access mode is fixed when it is created [94]. It holds what it exports ({@link Exporter}: a
 * GEM object, udmabuf pages, a heap buffer) until it is destroyed, which happens once no fd refers to
 * it and no kernel holder is left: the exporter's cache (obj->dma_buf), importers' attachments and
 * mappings [92].
 */
public final class DmaBufFile extends OpenFile {
    private static final int RX = Mman.PROT_READ | Mman.PROT_EXEC;
    private static final int RWX = RX | Mman.PROT_WRITE;

    private final Exporter exporter;
    private final boolean rdwr;
    private int holders;
    private boolean inFdTables;
    private boolean destroyed;

    /** dma_buf_export of a GEM object, which the new dma-buf keeps alive. */
    DmaBufFile(GemObject object, boolean rdwr) {
        this(new GemExporter(object), rdwr);
    }

    /** dma_buf_export of {@code exporter}'s buffer, O_RDWR or O_RDONLY. */
    public DmaBufFile(Exporter exporter, boolean rdwr) {
        this.exporter = exporter;
        this.rdwr = rdwr;
    }

    /** What the dma-buf wraps. */
    public Exporter exporter() {
        return exporter;
    }

    public long size() {
        return exporter.size();
    }

    /** dma_buf_fd: a new fd in {@code process} for this file. */
    public Fd install(Process process) {
        inFdTables = true;
        return process.files().install(this);
    }

    /** get_dma_buf by a kernel holder (cache, attachment, mapping). */
    public void hold() {
        if (destroyed) {
            throw new IllegalStateException("dma-buf of " + exporter.describe() + " is destroyed");
        }
        holders++;
    }

    /** dma_buf_put by a kernel holder. */
    public void unhold() {
        holders--;
        destroyIfUnused();
    }

    @Override
    protected void release() {
        inFdTables = false;
        destroyIfUnused();
    }

    private void destroyIfUnused() {
        if (holders == 0 && !inFdTables && !destroyed) {
            destroyed = true;
            exporter.release();
        }
    }

    /** dma_buf_ioctl; a valid SYNC then reaches the exporter's CPU-access hooks. */
    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        Outcome<R> answer = DmaBufIoctls.answer(request, exporter.syncIoctl());
        if (answer.isOk() && request instanceof DmaBufIoctl.Sync sync) {
            // SYNC's result type is Void: R is Void on this branch.
            @SuppressWarnings("unchecked")
            Outcome<R> hooked = (Outcome<R>) exporter.cpuAccess((sync.flags() & DmaBufIoctl.SYNC_END) != 0);
            return hooked;
        }
        return answer;
    }

    /**
     * dma_buf_mmap_internal: the pages asked for must lie inside the buffer (EINVAL) [93]; then the
     * exporter maps. A shared mapping of a read-only dma-buf cannot be made writable later.
     */
    @Override
    public Outcome<Mapping> mmap(Process caller, MmapRequest request) {
        long pgoff = request.offset() >>> 12;
        long pages = (request.length() + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE;
        long end = pgoff + pages;
        if (Long.compareUnsigned(end, pgoff) < 0 || Long.compareUnsigned(end, size() / Mman.PAGE_SIZE) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        boolean shared = (request.flags() & Mman.MAP_SHARED) != 0;
        return exporterMmap(pgoff, pages, shared, shared && !rdwr ? RX : RWX);
    }

    /**
     * The exporter's dma_buf_ops.mmap, also reached by dma_buf_mmap when an importer forwards its own
     * mmap (the RFC).
     */
    public Outcome<Mapping> exporterMmap(long pgoff, long pages, boolean shared, int maxProt) {
        return exporter.mmap(this, pgoff, pages, shared, maxProt);
    }

    /**
     * dma_buf_poll: POLLOUT once every fence of the buffer's reservation has signaled, POLLIN once
     * its write fences have (the exporter's reservation, which its importers share).
     */
    @Override
    public int poll(int events) {
        Reservation reservation = exporter.reservation();
        int ready = 0;
        if ((events & Mman.POLLOUT) != 0 && reservation.signaledFor(true)) {
            ready |= Mman.POLLOUT;
        }
        if ((events & Mman.POLLIN) != 0 && reservation.signaledFor(false)) {
            ready |= Mman.POLLIN;
        }
        return ready;
    }

    /** dma_buf_llseek: only (0, SEEK_END), which gives the size, and (0, SEEK_SET) [97]. */
    @Override
    public Outcome<Long> lseek(long offset, int whence) {
        if (offset != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (whence == Mman.SEEK_END) {
            return Outcome.ok(size());
        }
        return whence == Mman.SEEK_SET ? Outcome.ok(0L) : Outcome.err(Errno.EINVAL);
    }

    @Override
    public boolean writable() {
        return rdwr;
    }

    @Override
    public String describe() {
        return "dma-buf of " + exporter.describe() + " (" + size() + " bytes, " + (rdwr ? "rdwr" : "rdonly")
                + ", " + holders + " holders)";
    }
}
