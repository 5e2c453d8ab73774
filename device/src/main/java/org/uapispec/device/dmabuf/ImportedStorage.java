package org.uapispec.device.dmabuf;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.Storage;
import org.uapispec.device.process.Page;

/**
 * The storage of an object imported from another device's dma-buf: the exporter's pages, reached
 * through the attachment, which holds the dma-buf until the object is freed [92]. The importer has
 * neither struct pages of its own nor a shmem file [86, 95, 99].
 */
public final class ImportedStorage implements Storage {
    private final DmaBufFile dmaBuf;

    ImportedStorage(DmaBufFile dmaBuf) {
        this.dmaBuf = dmaBuf;
        dmaBuf.hold(); // dma_buf_attach + get_dma_buf in drm_gem_prime_import_dev
    }

    /** The dma-buf the object was imported from; re-export hands it out again. */
    public DmaBufFile dmaBuf() {
        return dmaBuf;
    }

    @Override
    public Outcome<Page> page(long index, boolean write) {
        return dmaBuf.exporter().page(index, write);
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return dmaBuf.exporter().firstRefused(first, count, write);
    }

    /** drm_gem_prime_import_dev: {@code obj->resv = dma_buf->resv}, the exporter's fences. */
    @Override
    public Optional<Reservation> sharedReservation() {
        return Optional.of(dmaBuf.exporter().reservation());
    }

    /** pread/pwrite: "prime objects have no backing filp" (EINVAL) [99]. */
    @Override
    public Outcome<Void> cpuCopyAllowed(boolean write) {
        return Outcome.err(Errno.EINVAL);
    }

    /**
     * Only the GTT type maps an import (the pages go through the aperture); any other type has
     * neither struct pages nor iomem: ENODEV [99]. The core dumb map refuses imports earlier [87].
     */
    @Override
    public Outcome<Void> offsetAllowed(String type) {
        return "GTT".equals(type) ? Outcome.ok() : Outcome.err(Errno.ENODEV);
    }

    @Override
    public boolean hasShmemFile() {
        return false;
    }

    @Override
    public void release() {
        dmaBuf.unhold(); // drm_prime_gem_destroy
    }

    @Override
    public String describe() {
        return "import of " + dmaBuf.exporter().describe();
    }
}
