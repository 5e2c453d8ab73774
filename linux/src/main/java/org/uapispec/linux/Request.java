package org.uapispec.linux;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.uapispec.api.Fd;
import org.uapispec.api.Pid;

/**
 * One request to the agent, built by the factory of its operation. Every number goes to the kernel
 * whole, as the raw syscall's 64-bit argument; the kernel truncates where its own type is narrower.
 * Process {@link #AGENT} is the agent itself: it may only ping, spawn (fork) and read the kernel log.
 */
public final class Request {
    /** The agent's own process number. */
    public static final Pid AGENT = new Pid(0);

    private final Op op;
    private final int process;
    private final long[] arguments;
    private final byte[] bytes;

    private Request(Op op, Pid process, byte[] bytes, long... arguments) {
        this.op = op;
        this.process = Objects.requireNonNull(process, "process").value();
        this.arguments = arguments;
        this.bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    private static Request of(Op op, Pid process, long... arguments) {
        return new Request(op, process, new byte[0], arguments);
    }

    /** Answers the protocol version of the process asked (the agent, or one hop further). */
    public static Request ping(Pid process) {
        return of(Op.PING, process);
    }

    /** A fresh child of the agent (root, stdio only); answers its process number, data its kernel pid. */
    public static Request spawn() {
        return of(Op.SPAWN, AGENT);
    }

    /** fork(2) of {@code parent}: copies its memory, shares its open files; answers as {@link #spawn}. */
    public static Request fork(Pid parent) {
        return of(Op.FORK, parent);
    }

    /** The process exits; the agent reaps it, and its number answers ESRCH from then on. */
    public static Request exit(Pid process) {
        return of(Op.EXIT, process);
    }

    /** setgroups(0, NULL), setgid, setuid, in that order; the first failure is the answer. */
    public static Request setIds(Pid process, long uid, long gid) {
        return of(Op.SETIDS, process, uid, gid);
    }

    /** openat(AT_FDCWD, path, flags, mode), the path in UTF-8; answers the fd. */
    public static Request open(Pid process, String path, long flags, long mode) {
        return new Request(Op.OPEN, process, path.getBytes(StandardCharsets.UTF_8), flags, mode);
    }

    public static Request close(Pid process, Fd fd) {
        return of(Op.CLOSE, process, fd.value());
    }

    /**
     * ioctl(2) with a pointer to a copy of {@code argument}; the answer's data are those bytes after
     * the call, also when it failed. An empty argument passes a null pointer.
     */
    public static Request ioctl(Pid process, Fd fd, long request, byte[] argument) {
        return new Request(Op.IOCTL, process, argument, fd.value(), request, 0);
    }

    /** ioctl(2) whose third argument is the integer {@code value} itself, not a pointer. */
    public static Request ioctlValue(Pid process, Fd fd, long request, long value) {
        return of(Op.IOCTL, process, fd.value(), request, value);
    }

    /** mmap(2); answers the address. */
    public static Request mmap(Pid process, long addr, long length, long prot, long flags, Fd fd, long offset) {
        return of(Op.MMAP, process, addr, length, prot, flags, fd.value(), offset);
    }

    public static Request munmap(Pid process, long addr, long length) {
        return of(Op.MUNMAP, process, addr, length);
    }

    public static Request mprotect(Pid process, long addr, long length, long prot) {
        return of(Op.MPROTECT, process, addr, length, prot);
    }

    /** lseek(2); answers the new offset. */
    public static Request lseek(Pid process, Fd fd, long offset, long whence) {
        return of(Op.LSEEK, process, fd.value(), offset, whence);
    }

    /** poll(2) of one fd, timeout 0: the result is its revents. */
    public static Request poll(Pid process, Fd fd, long events) {
        return of(Op.POLL, process, fd.value(), events);
    }

    /**
     * A CPU load of {@code length} bytes (E2BIG beyond 16 MiB); the data are the bytes, or a signal
     * whose result is the first page that faulted.
     */
    public static Request readMemory(Pid process, long addr, long length) {
        return of(Op.READ_MEM, process, addr, length);
    }

    /** A CPU store, faulting as {@link #readMemory} does. */
    public static Request writeMemory(Pid process, long addr, byte[] data) {
        return new Request(Op.WRITE_MEM, process, data, addr);
    }

    /** Whether the page of {@code addr} lies in a mapping: 1 or 0 (mincore(2) answers ENOMEM outside). */
    public static Request mapped(Pid process, long addr) {
        return of(Op.MAPPED, process, addr);
    }

    /** Passes {@code fd} of {@code from} to {@code to} (SCM_RIGHTS); answers the receiver's new fd. */
    public static Request sendFd(Pid from, Fd fd, Pid to) {
        return of(Op.SEND_FD, from, fd.value(), Integer.toUnsignedLong(to.value()));
    }

    /**
     * The kernel log records since the last call (or, with {@code rewind}, every record the kernel
     * still holds), one line each; empty without a readable /dev/kmsg.
     */
    public static Request kmsg(boolean rewind) {
        return of(Op.KMSG, AGENT, rewind ? 1 : 0);
    }

    /** read(2) of up to {@code length} bytes (E2BIG beyond 16 MiB); answers the count, data the bytes. */
    public static Request readFile(Pid process, Fd fd, long length) {
        return of(Op.READ_FD, process, fd.value(), length);
    }

    /** capget(2) of the process: data is its effective, permitted and inheritable sets, three u64 masks. */
    public static Request capget(Pid process) {
        return of(Op.CAPGET, process);
    }

    /** capset(2) of the process to these three masks of capability bits (bit n is capability n). */
    public static Request capset(Pid process, long effective, long permitted, long inheritable) {
        return of(Op.CAPSET, process, effective, permitted, inheritable);
    }

    /**
     * memfd_create(2) of {@code name} (UTF-8; the agent adds the NUL) with {@code flags}; answers the
     * fd. The kernel checks the name's length.
     */
    public static Request memfdCreate(Pid process, String name, long flags) {
        return new Request(Op.MEMFD_CREATE, process, name.getBytes(StandardCharsets.UTF_8), flags);
    }

    /** ftruncate(2). */
    public static Request ftruncate(Pid process, Fd fd, long length) {
        return of(Op.FTRUNCATE, process, fd.value(), length);
    }

    /** fcntl(2) with {@code arg} as a whole register; answers the kernel's result (F_GET_SEALS: the seals). */
    public static Request fcntl(Pid process, Fd fd, long command, long arg) {
        return of(Op.FCNTL, process, fd.value(), command, arg);
    }

    /** prctl(2) with every argument as a whole register. */
    public static Request prctl(Pid process, long option, long arg2, long arg3, long arg4, long arg5) {
        return of(Op.PRCTL, process, option, arg2, arg3, arg4, arg5);
    }

    Op op() {
        return op;
    }

    int process() {
        return process;
    }

    long[] arguments() {
        return arguments;
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return op.name().toLowerCase(java.util.Locale.ROOT) + " in process " + Integer.toUnsignedString(process);
    }
}
