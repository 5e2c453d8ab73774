package org.uapispec.device.profile;

import java.util.function.Consumer;

/**
 * What the machine's kernel has beside its DRM drivers: the memfds a udmabuf is made of, and the two
 * dma-buf providers that are not DRM devices (catalogue A.6, 101-108). These follow the kernel's
 * release and its configuration, not a driver; device 0's profile speaks for the machine, as it does
 * for mmap(2) ({@link MmapRules#validatedMmap}).
 *
 * @param udmabuf          whether {@code /dev/udmabuf} exists (CONFIG_UDMABUF, Linux 4.20; Debian
 *                         builds it from its 6.12 kernels): otherwise opening it is ENOENT
 * @param systemHeap       whether {@code /dev/dma_heap/system} exists (CONFIG_DMABUF_HEAPS_SYSTEM,
 *                         Linux 5.6; Debian from 6.12)
 * @param memfdExec        whether memfd_create knows MFD_NOEXEC_SEAL and MFD_EXEC and F_ADD_SEALS
 *                         knows F_SEAL_EXEC (Linux 6.3, "mm/memfd: add MFD_NOEXEC_SEAL and MFD_EXEC")
 * @param sealedReadOnlyShared whether a memfd sealed with F_SEAL_WRITE may still be mapped MAP_SHARED
 *                         read-only (Linux 6.7, "mm: drop the assumption that VM_SHARED always implies
 *                         writable"): before, mmap_region's mapping_map_writable answered EPERM for
 *                         every shared mapping of it, and every shared mapping counted as writable
 * @param udmabufDeniesFutureWrite whether udmabuf refuses a memfd sealed F_SEAL_FUTURE_WRITE as it
 *                         refuses F_SEAL_WRITE (check_memfd_seals, Jann Horn's fix of December 2024,
 *                         in the 6.12 stable series) [105]
 */
public record SystemRules(boolean udmabuf, boolean systemHeap, boolean memfdExec, boolean sealedReadOnlyShared,
        boolean udmabufDeniesFutureWrite) {

    /** A kernel with none of it: older than the providers, or built without them. */
    public static final SystemRules NONE = new SystemRules(false, false, false, false, false);

    /** Debian's 6.12 and 7.2, and mainline today: udmabuf and the system heap built, memfd as of 6.7 and later. */
    public static final SystemRules MODERN = new SystemRules(true, true, true, true, true);

    /** These rules with {@code change} made to them. */
    public SystemRules with(Consumer<Edit> change) {
        Edit edit = new Edit(this);
        change.accept(edit);
        return new SystemRules(edit.udmabuf, edit.systemHeap, edit.memfdExec, edit.sealedReadOnlyShared,
                edit.udmabufDeniesFutureWrite);
    }

    /** The components of rules being derived, named as in the record. Only {@link #with} makes one. */
    public static final class Edit {
        public boolean udmabuf;
        public boolean systemHeap;
        public boolean memfdExec;
        public boolean sealedReadOnlyShared;
        public boolean udmabufDeniesFutureWrite;

        private Edit(SystemRules r) {
            udmabuf = r.udmabuf;
            systemHeap = r.systemHeap;
            memfdExec = r.memfdExec;
            sealedReadOnlyShared = r.sealedReadOnlyShared;
            udmabufDeniesFutureWrite = r.udmabufDeniesFutureWrite;
        }
    }
}
