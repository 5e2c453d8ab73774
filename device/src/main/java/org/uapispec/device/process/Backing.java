package org.uapispec.device.process;

import org.uapispec.api.Outcome;

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
     * The index of the first page of {@code [first, first + count)} whose {@link #fault} would raise a
     * signal, or -1: what a CPU access over the whole range meets first, found without faulting each
     * page in, so that a huge access is answered in O(1) per mapping. A backing whose pages are
     * refused all or none (a userptr object without pages) may fault the first one to find out, as
     * the access itself would.
     */
    long firstRefused(long first, long count, boolean write);

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
