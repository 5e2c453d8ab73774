package org.uapispec.api;

/**
 * A file descriptor number in one process: a DRM device file or a dma-buf. After fork the child has
 * the same numbers for the same open files.
 */
public record Fd(int value) {
    /** The {@code -1} passed to mmap with MAP_ANONYMOUS. */
    public static final Fd NONE = new Fd(-1);

    @Override
    public String toString() {
        return "fd " + value;
    }
}
