package org.uapispec.device.dmabuf;

import java.util.Optional;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.MmapRules;

/** The PRIME ioctls of one call (drm_prime.c). */
public final class PrimeIoctls {
    private final DrmFile file;
    private final Process caller;
    private final PrimeState state;

    public PrimeIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.state = PrimeState.of(file.device());
    }

    /**
     * PRIME_HANDLE_TO_FD: flags beyond CLOEXEC and RDWR (RDWR from 4.6) EINVAL [88], a closed handle
     * ENOENT [89]; the object's dma-buf is reused while it has handles, so its access mode is the
     * first export's [90]; an import re-exports the dma-buf it came from.
     */
    public Outcome<Fd> export(DrmIoctl.PrimeHandleToFd request) {
        if (!file.device().profile().mmap().primeIoctls()) {
            return Outcome.err(Errno.ENOSYS); // drm_prime_handle_to_fd_ioctl: no prime_handle_to_fd
        }
        int known = DrmIoctl.DRM_CLOEXEC | (file.device().profile().mmap().primeRdwr() ? DrmIoctl.DRM_RDWR : 0);
        if ((request.flags() & ~known) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<GemObject> found = file.handles().lookup(request.handle());
        if (found.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        GemObject object = found.get();
        Optional<DmaBufFile> dmaBuf = state.cached(object);
        if (dmaBuf.isEmpty() && object.storage() instanceof ImportedStorage imported) {
            dmaBuf = Optional.of(imported.dmaBuf());
        }
        if (dmaBuf.isEmpty()) {
            Outcome<Void> allowed = object.storage().exportAllowed(); // [53]
            if (!allowed.isOk()) {
                return allowed.map(v -> null);
            }
            dmaBuf = Optional.of(new DmaBufFile(object, (request.flags() & DrmIoctl.DRM_RDWR) != 0));
            state.cache(object, dmaBuf.get());
        }
        state.remember(file, dmaBuf.get(), request.handle());
        return Outcome.ok(dmaBuf.get().install(caller));
    }

    /**
     * PRIME_FD_TO_HANDLE: ENOSYS without the driver's prime callbacks, EBADF for a closed fd, EINVAL
     * for a file that is no dma-buf; the handle the file already has for this dma-buf [91]; the object
     * itself when this device exported it; otherwise a new object over the foreign dma-buf, if the
     * exporter can be mapped and the driver imports.
     */
    public Outcome<Handle> importFd(DrmIoctl.PrimeFdToHandle request) {
        if (!file.device().profile().mmap().primeIoctls()) {
            return Outcome.err(Errno.ENOSYS); // drm_prime_fd_to_handle_ioctl: no prime_fd_to_handle
        }
        Optional<OpenFile> open = caller.files().get(request.dmaBuf());
        if (open.isEmpty()) {
            return Outcome.err(Errno.EBADF);
        }
        if (!(open.get() instanceof DmaBufFile dmaBuf)) {
            return Outcome.err(Errno.EINVAL);
        }
        Optional<Handle> known = state.handleOf(file, dmaBuf);
        if (known.isPresent()) {
            return Outcome.ok(known.get());
        }
        GemDevice gem = file.gemDevice();
        Optional<GemObject> exported = dmaBuf.exporter().gemObject();
        boolean foreign = exported.map(o -> o.device() != gem).orElse(true);
        if (foreign) {
            Optional<Errno> refused = foreignRefusal(dmaBuf);
            if (refused.isPresent()) {
                return Outcome.err(refused.get());
            }
        }
        GemObject object = foreign
                ? gem.newObject(dmaBuf.size(), new ImportedStorage(dmaBuf))
                : exported.get();
        state.cache(object, dmaBuf);
        Handle handle = gem.createHandle(file, object);
        state.remember(file, dmaBuf, handle);
        return Outcome.ok(handle);
    }

    /**
     * Why a dma-buf of another device cannot be imported: an importer that maps at import reaches
     * the exporter's drm_gem_map_dma_buf, ENOSYS when its objects have no get_sg_table; then the
     * driver's own import (virtgpu_gem_prime_import_sg_table, qxl_gem_prime_import_sg_table, or the
     * core's EINVAL when gem_prime_import_sg_table is unset). The core checks that last one before
     * attaching, which only a pair of two refusing drivers could tell apart; no such pair is modelled.
     */
    private Optional<Errno> foreignRefusal(DmaBufFile dmaBuf) {
        MmapRules importer = file.device().profile().mmap();
        if (importer.importMapsAttachment() && !dmaBuf.exporter().providesSgTable()) {
            return Optional.of(Errno.ENOSYS);
        }
        return importer.foreignImport();
    }
}
