package org.uapispec.grammar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The errno names a spec may expect: exactly the names of the backend's
 * {@code org.uapispec.device.api.Errno}, so that the engine maps one to the other with
 * {@code valueOf(name())}. Duplicated here because this module depends on nothing of ours.
 */
public enum Errno {
    EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST,
    ENODEV, EINVAL, ENFILE, EMFILE, ENOTTY, ENOSPC, ESPIPE, ERANGE, EDEADLK, ENOSYS, EOVERFLOW, EBADFD,
    EOPNOTSUPP, ETIMEDOUT, EALREADY;

    public static Optional<Errno> byName(String name) {
        return Arrays.stream(values()).filter(e -> e.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
