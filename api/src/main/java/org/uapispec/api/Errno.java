package org.uapispec.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The Linux errno values the DRM uAPI returns, with their x86-64 / asm-generic numbers. */
public enum Errno {
    EPERM(1, "operation not permitted"),
    ENOENT(2, "no such file or directory"),
    ESRCH(3, "no such process"),
    EINTR(4, "interrupted system call"),
    EIO(5, "input/output error"),
    ENXIO(6, "no such device or address"),
    E2BIG(7, "argument list too long"),
    EBADF(9, "bad file descriptor"),
    EAGAIN(11, "resource temporarily unavailable"),
    ENOMEM(12, "cannot allocate memory"),
    EACCES(13, "permission denied"),
    EFAULT(14, "bad address"),
    EBUSY(16, "device or resource busy"),
    EEXIST(17, "file exists"),
    ENODEV(19, "no such device"),
    EINVAL(22, "invalid argument"),
    ENFILE(23, "too many open files in system"),
    EMFILE(24, "too many open files"),
    ENOTTY(25, "inappropriate ioctl for device"),
    ENOSPC(28, "no space left on device"),
    ESPIPE(29, "illegal seek"),
    ERANGE(34, "numerical result out of range"),
    EDEADLK(35, "resource deadlock avoided"),
    ENOSYS(38, "function not implemented"),
    EOVERFLOW(75, "value too large for defined data type"),
    EBADFD(77, "file descriptor in bad state"),
    EOPNOTSUPP(95, "operation not supported"),
    ETIMEDOUT(110, "connection timed out"),
    EALREADY(114, "operation already in progress");

    private static final Map<String, Errno> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));
    private static final Map<Integer, Errno> BY_NUMBER =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Errno::number, Function.identity()));

    private final int number;
    private final String description;

    Errno(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The positive errno value userspace sees. */
    public int number() {
        return number;
    }

    /** The strerror(3) text. */
    public String description() {
        return description;
    }

    /** The errno with this name ({@code "EINVAL"}), if there is one. */
    public static Optional<Errno> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Every name, in declaration order: the errnos a spec may expect. */
    public static java.util.List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The errno with this positive number, if this enum knows it. */
    public static Optional<Errno> byNumber(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }
}
