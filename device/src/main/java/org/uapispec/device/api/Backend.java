package org.uapispec.device.api;

/**
 * A machine that answers uAPI calls: processes with address spaces, DRM device nodes, and the ioctls
 * and syscalls on their files. Every call returns an {@link Outcome}; a kernel error is an errno
 * value, a faulting CPU access a signal value. Java exceptions mean a bug in the caller (a null
 * argument, a pid the backend never issued is an errno, not an exception).
 *
 * <p>Backends are not thread-safe: one scenario drives one backend from one thread.
 */
public interface Backend {

    /** Starts a new process (no parent) with the given credentials and an empty address space. */
    Outcome<Pid> spawn(Credentials credentials);

    /** fork(2): the child gets a copy of the address space and shares every open file. */
    Outcome<Pid> fork(Pid parent);

    /** exit(2): closes every file of the process and tears down its address space. */
    Outcome<Void> exit(Pid pid);

    /** open(2) of a DRM device node. */
    Outcome<Fd> open(Pid pid, Node node);

    /** close(2) of any file descriptor (DRM file or dma-buf). */
    Outcome<Void> close(Pid pid, Fd fd);

    /** ioctl(2) on a DRM file or a dma-buf. */
    <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request);

    /** mmap(2); returns the address of the new mapping. */
    Outcome<Long> mmap(Pid pid, MmapRequest request);

    /** munmap(2) of any page-aligned range; parts of mappings are split off. */
    Outcome<Void> munmap(Pid pid, long addr, long length);

    /** mprotect(2). */
    Outcome<Void> mprotect(Pid pid, long addr, long length, int prot);

    /** lseek(2) on a file descriptor (dma-bufs answer size queries) [97]. */
    Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence);

    /** A CPU load of {@code length} bytes at {@code addr}; SIGSEGV or SIGBUS when it faults. */
    Outcome<byte[]> read(Pid pid, long addr, int length);

    /** A CPU store of {@code data} at {@code addr}; SIGSEGV or SIGBUS when it faults. */
    Outcome<Void> write(Pid pid, long addr, byte[] data);

    /**
     * Observation, without side effects: whether {@code handle} names an object in the file. A kernel
     * backend asks a lookup-only ioctl (i915: GEM_BUSY, ENOENT for a bad handle).
     */
    Outcome<Boolean> handleValid(Pid pid, Fd fd, Handle handle);

    /** Observation: how many handles the file holds (a kernel backend reads the file's fdinfo). */
    Outcome<Integer> handleCount(Pid pid, Fd fd);

    /** Observation: whether {@code addr} lies inside a mapping of the process (/proc/pid/maps). */
    Outcome<Boolean> mapped(Pid pid, long addr);

    /** A human-readable snapshot of the observable state, for failure messages and reports. */
    String describeState();
}
