package org.uapispec.device.dmabuf;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;
import org.uapispec.device.profile.MmapRules;

/**
 * A GEM object exported by its driver (drm_gem_prime_export): the dma-buf holds a reference to the
 * object until it is destroyed (drm_gem_dmabuf_release) [92], and maps as the driver's objects do.
 */
final class GemExporter implements Exporter {
    private final GemObject object;
    private final MmapRules rules;

    GemExporter(GemObject object) {
        object.get();
        this.object = object;
        this.rules = object.device().profile().mmap();
    }

    @Override
    public long size() {
        return object.size();
    }

    @Override
    public Outcome<Page> page(long index, boolean write) {
        return object.page(index, write);
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return object.firstRefused(first, count, write);
    }

    @Override
    public Reservation reservation() {
        return object.reservation();
    }

    @Override
    public Optional<GemObject> gemObject() {
        return Optional.of(object);
    }

    /** The CPU-access set (SYNC) came with RDWR in 4.6. */
    @Override
    public boolean syncIoctl() {
        return rules.primeRdwr();
    }

    /**
     * A GEM-object exporter refuses MAP_PRIVATE where its objects do [93]; i915 maps the shmem file,
     * ENODEV without one [95]; i915 before 4.6 had no dma-buf mmap (EINVAL); qxl before 6.6 none at
     * all (ENOSYS).
     */
    @Override
    public Outcome<OpenFile.Mapping> mmap(DmaBufFile dmaBuf, long pgoff, long pages, boolean shared, int maxProt) {
        return switch (rules.dmaBufMmap()) {
            case REFUSED -> Outcome.err(Errno.EINVAL);
            case NOT_IMPLEMENTED -> Outcome.err(Errno.ENOSYS);
            case GEM_OBJECT -> !shared && rules.privateRefused() ? Outcome.err(Errno.EINVAL)
                    : Outcome.ok(new OpenFile.Mapping(new DmaBufBacking(dmaBuf, false), pgoff, maxProt,
                            rules.faultsFromStart()));
            case SHMEM_FILE -> !object.storage().hasShmemFile() ? Outcome.err(Errno.ENODEV)
                    : Outcome.ok(new OpenFile.Mapping(new DmaBufBacking(dmaBuf, true), pgoff, maxProt));
        };
    }

    @Override
    public boolean providesSgTable() {
        return rules.exportsSgTable();
    }

    @Override
    public void release() {
        object.put(); // drm_gem_dmabuf_release
    }

    @Override
    public String describe() {
        return "device " + object.device().index() + " object " + object.id();
    }
}
