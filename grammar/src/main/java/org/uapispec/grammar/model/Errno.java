package org.uapispec.grammar.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The errno names a spec may expect: exactly the names of the backend's
 * {@code org.uapispec.api.Errno}, so that the engine maps one to the other with
 * {@code valueOf(name())}. Duplicated here because this module depends on nothing of ours.
 */
public enum Errno {
    EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, EBUSY, EEXIST,
    ENODEV, EINVAL, ENFILE, EMFILE, ENOTTY, ENOSPC, ESPIPE, ERANGE, EDEADLK, ENOSYS, EOVERFLOW, EBADFD,
    EOPNOTSUPP, ETIMEDOUT, EALREADY;

    private static final Map<String, Errno> BY_NAME = nameTable();

    /** The errno called {@code name}, if any; lowering asks once per expected outcome. */
    public static Optional<Errno> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static Map<String, Errno> nameTable() {
        Map<String, Errno> map = new HashMap<>();
        for (Errno errno : values()) {
            map.put(errno.name(), errno);
        }
        return Map.copyOf(map);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
