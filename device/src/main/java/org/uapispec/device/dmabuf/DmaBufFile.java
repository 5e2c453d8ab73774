package org.uapispec.device.dmabuf;

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
import org.uapispec.device.profile.MmapRules;

/**
 * A dma-buf: one open file (every export of the object hands out a new fd to this same file [90])
 * whose access mode is fixed when it is created [94]. It holds a reference to the exported object
 * until it is destroyed, which happens once no fd refers to it and no kernel holder is left: the
 * exporter's cache (obj->dma_buf), importers' attachments and mappings [92].
 */
public final class DmaBufFile extends OpenFile {
    private static final int RX = Mman.PROT_READ | Mman.PROT_EXEC;
    private static final int RWX = RX | Mman.PROT_WRITE;

    private final GemObject exporter;
    private final boolean rdwr;
    private final MmapRules exporterRules;
    private int holders;
    private boolean inFdTables;
    private boolean destroyed;

    /** dma_buf_export: a new dma-buf of {@code object}, which it keeps alive. */
    DmaBufFile(GemObject object, boolean rdwr) {
        object.get();
        this.exporter = object;
        this.rdwr = rdwr;
        this.exporterRules = object.device().profile().mmap();
    }

    /** The exported object (on the exporting device). */
    public GemObject exporter() {
        return exporter;
    }

    public long size() {
        return exporter.size();
    }

    /** dma_buf_fd: a new fd in {@code process} for this file. */
    Fd install(Process process) {
        inFdTables = true;
        return process.files().install(this);
    }

    /** get_dma_buf by a kernel holder (cache, attachment, mapping). */
    public void hold() {
        if (destroyed) {
            throw new IllegalStateException("dma-buf of object " + exporter.id() + " is destroyed");
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
            exporter.put(); // drm_gem_dmabuf_release
        }
    }

    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        return DmaBufIoctls.answer(request, exporterRules.primeRdwr());
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
        if (Long.compareUnsigned(end, pgoff) < 0 || Long.compareUnsigned(end, exporter.pages()) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        boolean shared = (request.flags() & Mman.MAP_SHARED) != 0;
        return exporterMmap(pgoff, shared, shared && !rdwr ? RX : RWX);
    }

    /**
     * The exporter's dma_buf_ops.mmap, also reached by dma_buf_mmap when an importer forwards its own
     * mmap (the RFC): a GEM-object exporter refuses MAP_PRIVATE where its objects do [93]; i915 maps
     * the shmem file, ENODEV without one [95]; i915 before 4.6 had no dma-buf mmap (EINVAL).
     */
    public Outcome<Mapping> exporterMmap(long pgoff, boolean shared, int maxProt) {
        return switch (exporterRules.dmaBufMmap()) {
            case REFUSED -> Outcome.err(Errno.EINVAL);
            case NOT_IMPLEMENTED -> Outcome.err(Errno.ENOSYS);
            case GEM_OBJECT -> !shared && exporterRules.privateRefused() ? Outcome.err(Errno.EINVAL)
                    : Outcome.ok(new Mapping(new DmaBufBacking(this, false), pgoff, maxProt,
                            exporterRules.faultsFromStart()));
            case SHMEM_FILE -> !exporter.storage().hasShmemFile() ? Outcome.err(Errno.ENODEV)
                    : Outcome.ok(new Mapping(new DmaBufBacking(this, true), pgoff, maxProt));
        };
    }

    /** dma_buf_llseek: only (0, SEEK_END), which gives the size, and (0, SEEK_SET) [97]. */
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
        return "dma-buf of device " + exporter.device().index() + " object " + exporter.id() + " ("
                + size() + " bytes, " + (rdwr ? "rdwr" : "rdonly") + ", " + holders + " holders)";
    }
}
