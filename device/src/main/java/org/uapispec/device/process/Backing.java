package org.uapispec.device.process;

import org.uapispec.device.api.Outcome;

/**
 * What a mapping shows: anonymous memory, a GEM object behind an mmap offset, or a dma-buf. It plays
 * the part of the kernel's {@code vm_operations_struct}: every VMA that refers to it has opened it
 * once ({@link #open()} / {@link #close()}), which is how a mapping keeps a GEM object alive [72].
 */
public interface Backing {

    /**
     * The page at {@code index} (in pages from the start of the backing) for a CPU access; SIGBUS when
     * the object behind it is gone or refuses the fault.
     */
    Outcome<Page> fault(long index, boolean write);

    /**
     * Whether get_user_pages can pin this memory. GEM mmap-offset mappings are VM_PFNMAP or
     * VM_MIXEDMAP, which userptr refuses with EFAULT [36, 37].
     */
    boolean pinnable();

    /** A VMA now refers to this backing (mmap, split, fork). */
    void open();

    /** A VMA that referred to this backing is gone (munmap, exit). */
    void close();

    /** A short description for state dumps ({@code anon}, {@code gem object 3}). */
    String describe();
}
