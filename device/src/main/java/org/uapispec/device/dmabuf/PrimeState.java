package org.uapispec.device.dmabuf;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Handle;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.gem.ObjectLifecycle;

/**
 * The PRIME state of one device: each object's cached dma-buf (obj->dma_buf, held while the object
 * has handles [13, 90]) and each file's dma-buf to handle table (file->prime, which makes import
 * return the same handle [91]). Every lookup is a hash lookup.
 */
final class PrimeState implements ObjectLifecycle {
    private final Map<GemObject, DmaBufFile> cache = new HashMap<>();
    private final Map<GemFile, Map<DmaBufFile, Handle>> tables = new HashMap<>();

    private PrimeState() {
    }

    /** The device's PRIME state, registered as a lifecycle listener when first created. */
    static PrimeState of(DrmDevice device) {
        return device.extension(PrimeState.class, d -> {
            PrimeState state = new PrimeState();
            d.gem().addListener(state);
            return state;
        });
    }

    Optional<DmaBufFile> cached(GemObject object) {
        return Optional.ofNullable(cache.get(object));
    }

    /** Sets obj->dma_buf if unset; the cache holds the dma-buf until the last handle goes. */
    void cache(GemObject object, DmaBufFile dmaBuf) {
        if (cache.putIfAbsent(object, dmaBuf) == null) {
            dmaBuf.hold();
        }
    }

    /** drm_prime_lookup_buf_handle. */
    Optional<Handle> handleOf(GemFile file, DmaBufFile dmaBuf) {
        Map<DmaBufFile, Handle> table = tables.get(file);
        return table == null ? Optional.empty() : Optional.ofNullable(table.get(dmaBuf));
    }

    /** drm_prime_add_buf_handle. */
    void remember(GemFile file, DmaBufFile dmaBuf, Handle handle) {
        tables.computeIfAbsent(file, f -> new HashMap<>()).putIfAbsent(dmaBuf, handle);
    }

    /** drm_prime_remove_buf_handle: the entry goes with the handle it names [13]. */
    @Override
    public void handleClosed(GemFile file, GemObject object) {
        DmaBufFile dmaBuf = cache.get(object);
        Map<DmaBufFile, Handle> table = tables.get(file);
        if (dmaBuf == null || table == null) {
            return;
        }
        Handle handle = table.get(dmaBuf);
        if (handle != null && file.handles().lookup(handle).filter(o -> o == object).isEmpty()) {
            table.remove(dmaBuf);
            if (table.isEmpty()) {
                tables.remove(file);
            }
        }
    }

    /** drm_gem_object_exported_dma_buf_free: the cache lets go with the last handle [13, 22]. */
    @Override
    public void lastHandleClosed(GemObject object) {
        DmaBufFile dmaBuf = cache.remove(object);
        if (dmaBuf != null) {
            dmaBuf.unhold();
        }
    }
}
