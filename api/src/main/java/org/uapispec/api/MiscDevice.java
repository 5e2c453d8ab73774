package org.uapispec.api;

/**
 * A device node that is not a DRM node but hands out dma-bufs: udmabuf, which wraps memfd pages
 * [101-108], and the system dma-heap. A kernel without the driver has no such node (ENOENT).
 */
public enum MiscDevice {
    /** {@code /dev/udmabuf} (drivers/dma-buf/udmabuf.c). */
    UDMABUF("/dev/udmabuf"),
    /** {@code /dev/dma_heap/system} (drivers/dma-buf/heaps/system_heap.c). */
    SYSTEM_HEAP("/dev/dma_heap/system");

    private final String path;

    MiscDevice(String path) {
        this.path = path;
    }

    /** The path the node has on a Linux system. */
    public String path() {
        return path;
    }

    @Override
    public String toString() {
        return path;
    }
}
