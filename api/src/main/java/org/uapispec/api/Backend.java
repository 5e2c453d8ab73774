package org.uapispec.api;

/**
 * A machine that answers uAPI calls: processes with address spaces, DRM device nodes, and the ioctls
 * and syscalls on their files. Every call returns an {@link Outcome}; a kernel error is an errno
 * value, a faulting CPU access a signal value. Every argument value is answered as the kernel answers
 * it, 64-bit values whole (a pid the backend never issued is ESRCH, a huge length the kernel's errno
 * or signal); Java exceptions mean a bug in the caller, such as a null argument.
 *
 * <p>Backends are not thread-safe: one scenario drives one backend from one thread.
 */
public interface Backend {

    /**
     * The most bytes one call carries between the caller and the kernel, 16 MiB: the result of
     * {@link #read} and of GEM_PREAD, the data of {@link #write} and of GEM_PWRITE. The spec language
     * limits its byte strings to the same size. A call the kernel would carry out but that moves more
     * answers {@link Outcome.Refused}, having changed nothing; when the kernel would refuse the call
     * first (a fault, a bad handle, a range outside the object), that errno or signal is the answer.
     */
    long MAX_TRANSFER = 16L << 20;

    /** Starts a new process (no parent) with the given credentials and an empty address space. */
    Outcome<Pid> spawn(Credentials credentials);

    /** fork(2): the child gets a copy of the address space and shares every open file. */
    Outcome<Pid> fork(Pid parent);

    /** exit(2): closes every file of the process and tears down its address space. */
    Outcome<Void> exit(Pid pid);

    /** open(2) of a DRM device node; a node the machine does not have is ENOENT. */
    Outcome<Fd> open(Pid pid, Node node);

    /**
     * open(2), read-write, of a node that hands out dma-bufs ({@code /dev/udmabuf}, a dma-heap); a
     * kernel without the driver has no node: ENOENT.
     */
    Outcome<Fd> open(Pid pid, MiscDevice device);

    /**
     * memfd_create(2): a new shmem file of size 0, read-write; {@code name} is its name for
     * /proc (at most {@link Memfd#NAME_MAX_LEN} bytes), {@code flags} the MFD_ bits, each checked.
     */
    Outcome<Fd> memfdCreate(Pid pid, String name, int flags);

    /** ftruncate(2); a file that is not a regular file opened for writing is EINVAL. */
    Outcome<Void> ftruncate(Pid pid, Fd fd, long length);

    /** fcntl(2) F_ADD_SEALS of the {@code Memfd.F_SEAL_*} bits in {@code seals} (an int argument). */
    Outcome<Void> addSeals(Pid pid, Fd fd, int seals);

    /** fcntl(2) F_GET_SEALS: the file's seals; a file that takes no seals is EINVAL. */
    Outcome<Integer> getSeals(Pid pid, Fd fd);

    /** close(2) of any file descriptor (DRM file, dma-buf, memfd, udmabuf or heap node). */
    Outcome<Void> close(Pid pid, Fd fd);

    /** ioctl(2) on any open file: a DRM file, a dma-buf, the udmabuf or a heap node. */
    <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request);

    /** mmap(2); returns the address of the new mapping. */
    Outcome<Long> mmap(Pid pid, MmapRequest request);

    /** munmap(2) of any page-aligned range; parts of mappings are split off. */
    Outcome<Void> munmap(Pid pid, long addr, long length);

    /** mprotect(2); {@code prot} is the syscall's {@code unsigned long}, every bit of it checked. */
    Outcome<Void> mprotect(Pid pid, long addr, long length, long prot);

    /**
     * lseek(2) on a file descriptor (dma-bufs answer size queries [97]); {@code whence} is the
     * syscall's {@code unsigned int}.
     */
    Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence);

    /**
     * poll(2) of one descriptor with a timeout of 0: which of {@code events} (and POLLERR, POLLHUP)
     * are ready now, or POLLNVAL for a descriptor that is not open. A dma-buf is readable once its
     * write fences have signaled and writable once every fence has.
     */
    Outcome<Integer> poll(Pid pid, Fd fd, int events);

    /**
     * A CPU load of {@code length} bytes at {@code addr}; {@code length} is a size_t (unsigned). The
     * first page of the range that is unmapped or unreadable answers SIGSEGV, one whose backing refuses
     * the fault SIGBUS; a range that runs past the top of the address space faults there. A read that
     * does not fault but is longer than {@link #MAX_TRANSFER} is {@link Outcome.Refused}.
     */
    Outcome<byte[]> read(Pid pid, long addr, long length);

    /**
     * A CPU store of {@code data} at {@code addr}; SIGSEGV or SIGBUS at the first page that faults,
     * refused beyond {@link #MAX_TRANSFER} as {@link #read} is.
     */
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
