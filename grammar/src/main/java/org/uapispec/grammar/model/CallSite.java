package org.uapispec.grammar.model;

import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;

/**
 * What an {@link Operation}'s binding asks of the engine that runs one call step: the step's
 * arguments by parameter name, as the backend's types, the backend itself, and the run's records of
 * files and processes.
 *
 * <p>A 32-bit accessor ({@link #u32}, {@link #uint}, {@link #uid}, an fd, a raw handle, name or
 * magic) never cuts a value: one that does not fit is noted, and the backend refuses the call before
 * the device sees it, naming the argument, the value and the field or argument of the call.
 */
public interface CallSite {
    /** A 64-bit argument (an {@code __u64} field, an {@code unsigned long} or {@code size_t}). */
    long num(String param);

    /** An {@code __u32} field. */
    int u32(String param);

    /** An {@code unsigned int} syscall argument. */
    int uint(String param);

    /** A {@code uid_t}. */
    int uid(String param);

    boolean bool(String param);

    Pid pid(String param);

    /** A file or dma-buf, or a raw number as an {@code int} fd. */
    Fd fd(String param);

    /** A handle, or a raw number as an {@code __u32}. */
    Handle handle(String param);

    /** A list of handles, each as {@link #handle} takes it. */
    List<Handle> handles(String param);

    /** A list of 64-bit values, each as {@link #num} takes it. */
    List<Long> nums(String param);

    /** A list of files, each as {@link #fd} takes it. */
    List<Fd> fds(String param);

    /** Whether the step gave {@code param}, whose default is none (the count of a udmabuf list). */
    boolean given(String param);

    FlinkName flinkName(String param);

    Magic magic(String param);

    Bytes bytes(String param);

    /** The process the step runs in. */
    Pid actor();

    /** The backend; each of its calls is refused first if an argument read so far did not fit. */
    Backend backend();

    /** Asks {@code request} on the file {@code fileParam} names, in {@link #actor}. */
    <R> Outcome<R> ioctl(String fileParam, Ioctl<R> request);

    /** The binding of a file that {@code owner} has just got as {@code fd} (open, a dma-buf export). */
    Object opened(Pid owner, Fd fd);

    /** Records that {@code parent} forked {@code child}. */
    void forked(Pid parent, Pid child);

    /** Records that {@code pid} exited. */
    void exited(Pid pid);
}
