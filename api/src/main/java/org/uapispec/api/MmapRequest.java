package org.uapispec.api;

import java.util.Objects;

/**
 * The arguments of mmap(2).
 *
 * @param addr   the address hint, or the exact address with {@link Mman#MAP_FIXED}
 * @param length bytes to map
 * @param prot   {@code PROT_*} bits: the syscall's {@code unsigned long}, high bits kept
 * @param flags  {@code MAP_*} bits: the syscall's {@code unsigned long}, high bits kept
 * @param fd     the file to map, {@link Fd#NONE} for anonymous memory
 * @param offset byte offset into the file (a fake offset for DRM files)
 */
public record MmapRequest(long addr, long length, long prot, long flags, Fd fd, long offset) {
    public MmapRequest {
        Objects.requireNonNull(fd, "fd");
    }

    /** Anonymous private memory anywhere. */
    public static MmapRequest anonymous(long length, long prot) {
        return new MmapRequest(0, length, prot, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, Fd.NONE, 0);
    }

    /** A shared mapping of {@code fd} at {@code offset}, anywhere. */
    public static MmapRequest shared(Fd fd, long offset, long length, long prot) {
        return new MmapRequest(0, length, prot, Mman.MAP_SHARED, fd, offset);
    }

    public MmapRequest withAddr(long newAddr) {
        return new MmapRequest(newAddr, length, prot, flags, fd, offset);
    }

    public MmapRequest withFlags(long newFlags) {
        return new MmapRequest(addr, length, prot, newFlags, fd, offset);
    }
}
