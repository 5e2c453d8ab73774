package org.uapispec.device.gem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.util.IdAllocator;

/**
 * The GEM state of one device: its live objects, the global flink names, and the listeners that the
 * mmap-offset and PRIME parts of the model register. Every lookup is a hash lookup.
 */
public final class GemDevice {
    private final int index;
    private final Profile profile;
    /** An identity set: no boxed id and no map node per object (the scaling benchmark's memory target). */
    private final Set<GemObject> objects = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Integer, GemObject> names = new HashMap<>();
    private final IdAllocator nameNumbers = new IdAllocator(1);
    private final List<ObjectLifecycle> listeners = new ArrayList<>();
    private long nextObjectId = 1;

    public GemDevice(int index, Profile profile) {
        this.index = index;
        this.profile = profile;
    }

    public int index() {
        return index;
    }

    public Profile profile() {
        return profile;
    }

    /** Adds a listener for handle and object events; listeners run in registration order. */
    public void addListener(ObjectLifecycle listener) {
        listeners.add(listener);
    }

    /** A new object of {@code size} bytes (page multiple) with no handle and no reference yet. */
    public GemObject newObject(long size, Storage storage) {
        GemObject object = new GemObject(this, nextObjectId++, size, storage);
        objects.add(object);
        return object;
    }

    /** drm_gem_handle_create: a new handle in {@code file}, which takes a reference. */
    public Handle createHandle(GemFile file, GemObject object) {
        Handle handle = file.handles().add(object);
        listeners.forEach(l -> l.handleCreated(file, object));
        return handle;
    }

    /**
     * drm_gem_handle_delete: false if {@code file} has no such handle (GEM_CLOSE answers EINVAL
     * [9, 10]). Runs the release sequence of [13]: the listeners' close hooks, then the handle count,
     * the flink name with the last handle [22], and the handle's reference.
     */
    public boolean deleteHandle(GemFile file, Handle handle) {
        Optional<GemObject> removed = file.handles().remove(handle);
        if (removed.isEmpty()) {
            return false;
        }
        GemObject object = removed.get();
        listeners.forEach(l -> l.handleClosed(file, object));
        if (object.handleRemoved()) {
            dropName(object);
            listeners.forEach(l -> l.lastHandleClosed(object));
        }
        object.put();
        return true;
    }

    /** Closes every handle of {@code file}, as drm_gem_release does when the file goes [16]. */
    public void releaseAll(GemFile file) {
        for (Integer handle : List.copyOf(file.handles().view().keySet())) {
            deleteHandle(file, new Handle(handle));
        }
    }

    /** The object's flink name, allocated on first use (idempotent [19]). */
    public FlinkName flink(GemObject object) {
        if (object.flinkName() == 0) {
            int name = nameNumbers.allocate();
            object.setFlinkName(name);
            names.put(name, object);
        }
        return new FlinkName(object.flinkName());
    }

    public Optional<GemObject> byName(FlinkName name) {
        return Optional.ofNullable(names.get(name.value()));
    }

    public Collection<GemObject> liveObjects() {
        return objects.stream().sorted(Comparator.comparingLong(GemObject::id)).toList();
    }

    void freed(GemObject object) {
        objects.remove(object);
        dropName(object);
        listeners.forEach(l -> l.freed(object));
    }

    private void dropName(GemObject object) {
        if (object.flinkName() != 0) {
            names.remove(object.flinkName());
            nameNumbers.release(object.flinkName());
            object.setFlinkName(0);
        }
    }
}
