package org.uapispec.device.dmabuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;

/**
 * An open {@code /dev/dma_heap/system} (drivers/dma-buf/dma-heap.c, heaps/system_heap.c): ALLOC
 * hands out a dma-buf of zeroed pages.
 */
public final class SystemHeap extends ProviderNode {
    /**
     * The most the heap can give: the QEMU guest's memory (linux/Vm: -m 256M), past which the
     * allocation of pages fails (ENOMEM).
     */
    static final long MEMORY = 256L << 20;

    public SystemHeap() {
        super(MiscDevice.SYSTEM_HEAP);
    }

    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        if (request instanceof DmaHeapIoctl.Alloc alloc) {
            // ALLOC's result type is Fd: R is Fd on this branch.
            @SuppressWarnings("unchecked")
            Outcome<R> made = (Outcome<R>) alloc(caller, alloc);
            return made;
        }
        if (request instanceof DrmIoctl.Version || request instanceof DmaBufIoctl.Sync) {
            return Outcome.refused(request.ioctlName() + " has ioctl number 0, which dma_heap_ioctl reads as"
                    + " DMA_HEAP_IOCTL_ALLOC with the caller's struct cut or padded to its size");
        }
        return Outcome.err(Errno.EINVAL); // dma_heap_ioctl: nr past dma_heap_ioctl_cmds
    }

    /**
     * dma_heap_ioctl_allocate: fd flags other than O_ACCMODE and O_CLOEXEC EINVAL, any heap flag
     * EINVAL; dma_heap_buffer_alloc: a length that is 0 once page-aligned EINVAL; then the system
     * heap's pages (ENOMEM past the machine's memory). The fd flags are the dma-buf file's
     * (exp_info.flags): writable with O_RDWR. Not modelled: O_WRONLY (1) makes a file mmap cannot
     * read (EACCES for every mapping); the model maps it read-only.
     */
    private Outcome<Fd> alloc(Process caller, DmaHeapIoctl.Alloc alloc) {
        if ((Integer.toUnsignedLong(alloc.fdFlags()) & ~DmaHeapIoctl.VALID_FD_FLAGS) != 0
                || (alloc.heapFlags() & ~DmaHeapIoctl.VALID_HEAP_FLAGS) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        long length = (alloc.len() + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
        if (length == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (Long.compareUnsigned(length, MEMORY) > 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        Map<Long, Page> zeroed = new HashMap<>();
        PinnedPages.Segment pages = new PinnedPages.Segment(i -> zeroed.computeIfAbsent(i, k -> new Page()), 0,
                length / Mman.PAGE_SIZE);
        Exporter exporter = new PinnedPages(List.of(pages), true, false, () -> { }, "system-heap buffer");
        boolean rdwr = (alloc.fdFlags() & DmaHeapIoctl.O_ACCMODE) == DmaHeapIoctl.O_RDWR;
        return Outcome.ok(new DmaBufFile(exporter, rdwr).install(caller));
    }
}
