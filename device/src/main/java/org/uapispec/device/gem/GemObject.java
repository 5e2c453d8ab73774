package org.uapispec.device.gem;

import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.process.Page;

/**
 * A GEM buffer object. It counts its handles (which keep its flink name alive [22]) apart from its
 * references (handles, mappings, dma-bufs, all of which keep the object alive [72, 92]); the device
 * frees it when the last reference goes.
 */
public final class GemObject {
    private final GemDevice device;
    private final long id;
    private final long size;
    private final Storage storage;
    private final Reservation reservation = new Reservation();
    private int handleCount;
    private int mappings;
    private int references;
    private int flinkName;
    private boolean freed;

    GemObject(GemDevice device, long id, long size, Storage storage) {
        this.device = device;
        this.id = id;
        this.size = size;
        this.storage = storage;
    }

    /** The model's own number for state dumps; never visible through the uAPI. */
    public long id() {
        return id;
    }

    public long size() {
        return size;
    }

    public long pages() {
        return size / Mman.PAGE_SIZE;
    }

    public Storage storage() {
        return storage;
    }

    public GemDevice device() {
        return device;
    }

    /** Its fences: its own, or the exporter's for an object imported from another device's dma-buf. */
    public Reservation reservation() {
        return storage.sharedReservation().orElse(reservation);
    }

    public int handleCount() {
        return handleCount;
    }

    public boolean freed() {
        return freed;
    }

    /** The flink name, 0 when the object has none. */
    public int flinkName() {
        return flinkName;
    }

    void setFlinkName(int name) {
        this.flinkName = name;
    }

    /** The page at {@code index} for CPU access; SIGBUS once the object is freed. */
    public Outcome<Page> page(long index, boolean write) {
        if (freed || index < 0 || index >= pages()) {
            return Outcome.sig(Signal.SIGBUS);
        }
        return storage.page(index, write);
    }

    /**
     * The first page of {@code [first, first + count)} that {@link #page} refuses, or -1, without
     * faulting the pages in: everything once freed, the pages past the object's end, and what the
     * storage refuses.
     */
    public long firstRefused(long first, long count, boolean write) {
        if (freed || first < 0 || first >= pages()) {
            return first;
        }
        long inObject = Math.min(count, pages() - first);
        long refused = storage.firstRefused(first, inObject, write);
        if (refused >= 0) {
            return refused;
        }
        return inObject < count ? first + inObject : -1;
    }

    /** Takes a reference (a mapping, a dma-buf, an import). */
    public void get() {
        if (freed) {
            throw new IllegalStateException("object " + id + " is already freed");
        }
        references++;
    }

    /** Takes a reference for a CPU mapping of the object (drm_gem_vm_open). */
    public void getForMapping() {
        get();
        mappings++;
    }

    /** Drops a mapping's reference (drm_gem_vm_close). */
    public void putForMapping() {
        mappings--;
        put();
    }

    /**
     * Whether anything but CPU mappings holds the object: a handle, a dma-buf, an import. Where a
     * mapping holds the buffer below GEM (TTM before 7.2), the GEM object is gone without one.
     */
    public boolean heldBesideMappings() {
        return references > mappings;
    }

    /** Drops a reference; the last one frees the object. */
    public void put() {
        if (references <= 0) {
            throw new IllegalStateException("object " + id + " has no reference to drop");
        }
        if (--references == 0) {
            freed = true;
            storage.release();
            device.freed(this);
        }
    }

    void handleAdded() {
        handleCount++;
        get();
    }

    /** Returns true when this was the last handle. */
    boolean handleRemoved() {
        return --handleCount == 0;
    }

    @Override
    public String toString() {
        return "object " + id + " (" + size + " bytes, " + storage.describe() + ", " + handleCount
                + " handles, " + references + " refs" + (flinkName != 0 ? ", name " + flinkName : "") + ")";
    }
}
