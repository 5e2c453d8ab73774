package org.uapispec.device.process;

import org.uapispec.api.Errno;
import org.uapispec.api.Ioctl;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;

/**
 * An open file description (the kernel's {@code struct file}): shared by every fd that refers to it,
 * in one process or, after fork, in several. It is released when the last fd closes.
 */
public abstract class OpenFile {
    private int references;

    /**
     * What mapping this file at an offset gives: the backing, its first page and the VM_MAY* bits,
     * and whether the driver's fault handler counts pages from the mapping's start instead ({@link Vma}).
     */
    public record Mapping(Backing backing, long pgoff, int maxProt, boolean faultsFromStart) {
        public Mapping(Backing backing, long pgoff, int maxProt) {
            this(backing, pgoff, maxProt, false);
        }
    }

    /** Answers an ioctl from {@code caller}. */
    public abstract <R> Outcome<R> ioctl(Process caller, Ioctl<R> request);

    /** Resolves an mmap of this file; the address space places and opens the result. */
    public abstract Outcome<Mapping> mmap(Process caller, MmapRequest request);

    /** lseek(2); files that cannot seek answer ESPIPE. */
    /**
     * The file's f_op->poll: which events are ready now, among {@code events}. DRM files are
     * readable when a DRM event (a vblank, a flip) is queued, which the model never queues.
     */
    public int poll(int events) {
        return 0;
    }

    public Outcome<Long> lseek(long offset, int whence) {
        return Outcome.err(Errno.ESPIPE);
    }

    /**
     * file_mmap_size_max: the end a mapping of this file may reach, as an unsigned 64-bit byte count;
     * mmap answers EOVERFLOW past it. ULONG_MAX for device and pseudo files; 0, which file_mmap_ok
     * reads as "no limit but the address arithmetic", for files with unsigned offsets.
     */
    public long mmapSizeMax() {
        return -1L;
    }

    /** Whether the file was opened for writing (a MAP_SHARED, PROT_WRITE mapping needs it). */
    public abstract boolean writable();

    /** The last reference is gone: drop what the file holds. */
    protected abstract void release();

    /** A short description for state dumps. */
    public abstract String describe();

    final void acquire() {
        references++;
    }

    final void put() {
        if (--references == 0) {
            release();
        }
    }
}
