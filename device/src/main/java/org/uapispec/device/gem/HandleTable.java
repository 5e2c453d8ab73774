package org.uapispec.device.gem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Handle;
import org.uapispec.device.util.IdAllocator;

/**
 * One file's handles: an idr with base 1 (handle 0 is never valid [7]), the lowest free number first
 * so closed numbers are reused [8]. Lookup is O(1); any 32-bit pattern can be looked up, and one
 * that was never issued (high bits set, {@code 0xdeadbeef}) is simply absent [15].
 */
public final class HandleTable {
    private final Map<Integer, GemObject> objects = new HashMap<>();
    private final IdAllocator numbers = new IdAllocator(1);

    /** Allocates a new handle for {@code object} (no dedup: every call gives a new alias [17]). */
    Handle add(GemObject object) {
        int handle = numbers.allocate();
        objects.put(handle, object);
        object.handleAdded();
        return new Handle(handle);
    }

    public Optional<GemObject> lookup(Handle handle) {
        return Optional.ofNullable(objects.get(handle.value()));
    }

    /** Removes {@code handle} from the table; the caller runs the release sequence. */
    Optional<GemObject> remove(Handle handle) {
        GemObject object = objects.remove(handle.value());
        if (object != null) {
            numbers.release(handle.value());
        }
        return Optional.ofNullable(object);
    }

    /** The handles in use, for closing them all when the file is released [16]. */
    public Map<Integer, GemObject> view() {
        return java.util.Collections.unmodifiableMap(objects);
    }

    public int size() {
        return objects.size();
    }
}
