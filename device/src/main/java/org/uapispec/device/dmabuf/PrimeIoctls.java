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
     * PRIME_FD_TO_HANDLE: EBADF for a closed fd, EINVAL for a file that is no dma-buf; the handle the
     * file already has for this dma-buf [91]; the object itself when this device exported it;
     * otherwise a new object over the foreign dma-buf.
     */
    public Outcome<Handle> importFd(DrmIoctl.PrimeFdToHandle request) {
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
        GemObject object = dmaBuf.exporter().device() == gem
                ? dmaBuf.exporter()
                : gem.newObject(dmaBuf.size(), new ImportedStorage(dmaBuf));
        state.cache(object, dmaBuf);
        Handle handle = gem.createHandle(file, object);
        state.remember(file, dmaBuf, handle);
        return Outcome.ok(handle);
    }
}
