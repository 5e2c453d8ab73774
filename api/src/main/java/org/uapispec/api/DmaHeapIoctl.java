package org.uapispec.api;

/** The ioctls of a dma-heap node (include/uapi/linux/dma-heap.h). */
public sealed interface DmaHeapIoctl<R> extends Ioctl<R> {

    /** {@code O_RDWR}: the dma-buf's access mode when ALLOC's fd flags hold it. */
    long O_RDWR = 0x2;
    /** {@code O_ACCMODE}: the access-mode bits (O_RDONLY 0, O_WRONLY 1, O_RDWR 2). */
    long O_ACCMODE = 0x3;
    /** {@code O_CLOEXEC}. */
    long O_CLOEXEC = 0x80000;
    /** {@code DMA_HEAP_VALID_FD_FLAGS}: {@code O_CLOEXEC | O_ACCMODE}. */
    long VALID_FD_FLAGS = O_ACCMODE | O_CLOEXEC;
    /** {@code DMA_HEAP_VALID_HEAP_FLAGS}: none is defined. */
    long VALID_HEAP_FLAGS = 0;

    /**
     * {@code DMA_HEAP_IOCTL_ALLOC} ({@code struct dma_heap_allocation_data}): a new buffer of
     * {@code len} bytes from the heap; the result is its dma-buf ({@code fd}, an out field).
     */
    record Alloc(long len, int fdFlags, long heapFlags) implements DmaHeapIoctl<Fd> {
        @Override
        public String ioctlName() {
            return "DMA_HEAP_IOCTL_ALLOC";
        }

        @Override
        public Outcome<Fd> dispatch(Handler handler) {
            return handler.dmaHeapAlloc(this);
        }
    }
}
