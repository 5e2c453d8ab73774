package org.uapispec.device.gem;

import java.util.Optional;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.Reservation;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;

/**
 * Where a GEM object's pages come from: shmem, the user memory of a userptr, a foreign dma-buf. The
 * kind of storage decides which access paths an object allows.
 */
public interface Storage {

    /** The page at {@code index} for a CPU-side access (pread, pwrite, a fault through a mapping). */
    Outcome<Page> page(long index, boolean write);

    /**
     * The first page of {@code [first, first + count)} (inside the object) that {@link #page} refuses,
     * or -1. Storages refuse all their pages or none (a userptr object whose pages cannot be pinned),
     * so by default the first page is faulted to find out, as an access would; storages that never
     * refuse answer without touching a page.
     */
    default long firstRefused(long first, long count, boolean write) {
        return page(first, write).isOk() ? -1 : first;
    }

    /**
     * Whether pread/pwrite may touch the object; an errno where the driver refuses (userptr on 5.13+
     * [52], imported objects [99]).
     */
    default Outcome<Void> cpuCopyAllowed(boolean write) {
        return Outcome.ok();
    }

    /**
     * The fences of a buffer whose reservation is another object's (an import of a foreign dma-buf
     * uses the exporter's); empty for a storage of the object's own.
     */
    default Optional<Reservation> sharedReservation() {
        return Optional.empty();
    }

    /**
     * The first GPU use by {@code caller} (execbuffer): where lazily pinned pages are resolved, so
     * userptr reports EFAULT or EAGAIN here [34, 35, 46, 49].
     */
    default Outcome<Void> useOnGpu(Process caller) {
        return Outcome.ok();
    }

    /** SET_DOMAIN: the cheap probe; the same resolution as {@link #useOnGpu} for userptr [35]. */
    default Outcome<Void> setDomain(Process caller) {
        return useOnGpu(caller);
    }

    /**
     * Whether MMAP_OFFSET / MMAP_GTT may create an offset of {@code type} for this object: userptr
     * objects are never mmapped (ENODEV) [51]; a foreign import has no pages for non-GTT types [99].
     * {@code type} is an {@code I915Ioctl.MmapType} name, or {@code "dumb"} for MODE_MAP_DUMB.
     */
    default Outcome<Void> offsetAllowed(String type) {
        return Outcome.ok();
    }

    /** Whether PRIME_HANDLE_TO_FD may export the object (userptr on 5.13+ refuses, EINVAL) [53]. */
    default Outcome<Void> exportAllowed() {
        return Outcome.ok();
    }

    /**
     * Whether the object has a shmem file behind it: without one the legacy GEM_MMAP is ENXIO [86]
     * and i915's dma-buf mmap is ENODEV [95].
     */
    default boolean hasShmemFile() {
        return true;
    }

    /** Whether the object is read-only (writable mappings and pwrite refused [42, 78]). */
    default boolean readOnly() {
        return false;
    }

    /** The object is freed: drop pinned pages, unregister notifiers. */
    default void release() {
    }

    /** A short name for state dumps ({@code shmem}, {@code userptr 0x1000+8192}). */
    String describe();
}
