package org.uapispec.api;

/** The ioctls of a dma-buf file (include/uapi/linux/dma-buf.h). */
public sealed interface DmaBufIoctl<R> extends Ioctl<R> {

    /** {@code DMA_BUF_SYNC_READ}. */
    long SYNC_READ = 0x1;
    /** {@code DMA_BUF_SYNC_WRITE}. */
    long SYNC_WRITE = 0x2;
    /** {@code DMA_BUF_SYNC_RW}. */
    long SYNC_RW = SYNC_READ | SYNC_WRITE;
    /** {@code DMA_BUF_SYNC_START}. */
    long SYNC_START = 0x0;
    /** {@code DMA_BUF_SYNC_END}. */
    long SYNC_END = 0x4;
    /** {@code DMA_BUF_SYNC_VALID_FLAGS_MASK}. */
    long SYNC_VALID_FLAGS_MASK = SYNC_RW | SYNC_END;

    /** {@code DMA_BUF_IOCTL_SYNC}: bracket CPU access to a mapped dma-buf [98]. */
    record Sync(long flags) implements DmaBufIoctl<Void> {
        @Override
        public String ioctlName() {
            return "DMA_BUF_IOCTL_SYNC";
        }

        @Override
        public Outcome<Void> dispatch(Handler handler) {
            return handler.dmaBufSync(this);
        }
    }
}
