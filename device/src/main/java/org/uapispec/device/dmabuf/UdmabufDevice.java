package org.uapispec.device.dmabuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Memfd;
import org.uapispec.api.Mman;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Outcome;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.device.memfd.MemfdFile;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.SystemRules;

/**
 * An open {@code /dev/udmabuf} (drivers/dma-buf/udmabuf.c): CREATE and CREATE_LIST turn ranges of
 * memfds into one dma-buf over their pages [101-108]. udmabuf_ioctl answers other commands ENOTTY.
 */
public final class UdmabufDevice extends ProviderNode {
    /** size_limit_mb in pages: the most pages one dma-buf may have [103]. */
    private static final long SIZE_LIMIT_PAGES = UdmabufIoctl.SIZE_LIMIT / Mman.PAGE_SIZE;

    private final SystemRules rules;

    public UdmabufDevice(SystemRules rules) {
        super(MiscDevice.UDMABUF);
        this.rules = rules;
    }

    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        // Both requests' result type is Fd: R is Fd on these branches.
        if (request instanceof UdmabufIoctl.Create create) {
            @SuppressWarnings("unchecked")
            Outcome<R> made = (Outcome<R>) create(caller, List.of(create.item()));
            return made;
        }
        if (request instanceof UdmabufIoctl.CreateList list) {
            @SuppressWarnings("unchecked")
            Outcome<R> made = (Outcome<R>) createList(caller, list);
            return made;
        }
        return Outcome.err(Errno.ENOTTY);
    }

    /**
     * udmabuf_ioctl_create_list: a count past list_limit is EINVAL before the list is read; then the
     * first {@code count} items. A count above the items given, within the limit, would make the
     * kernel read memory the caller did not lay out: refused, as the kernel backend refuses it.
     */
    private Outcome<Fd> createList(Process caller, UdmabufIoctl.CreateList list) {
        if (Integer.compareUnsigned(list.count(), UdmabufIoctl.LIST_LIMIT) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (list.count() > list.items().size()) {
            return Outcome.refused("UDMABUF_CREATE_LIST with count " + list.count() + " and "
                    + list.items().size() + " items: the kernel would read items that were not given");
        }
        return create(caller, list.items().subList(0, list.count()));
    }

    /**
     * udmabuf_create: first every range's alignment (EINVAL) [101] and the running page count
     * against size_limit_mb (EINVAL) [103], then an empty total (EINVAL) [102]; then each memfd in
     * turn: a closed fd or a file that is not shmem EBADFD [104], seals without F_SEAL_SHRINK or with
     * F_SEAL_WRITE (and F_SEAL_FUTURE_WRITE, since the 6.12 stable fix) EINVAL [105], a range past the
     * file's size EINVAL; its pages are pinned [108]. The dma-buf is O_RDWR; UDMABUF_FLAGS_CLOEXEC
     * only picks the fd's close-on-exec, and other flag bits are ignored [107].
     */
    private Outcome<Fd> create(Process caller, List<UdmabufIoctl.Item> items) {
        long pages = 0;
        for (UdmabufIoctl.Item item : items) {
            if (item.offset() % Mman.PAGE_SIZE != 0 || item.size() % Mman.PAGE_SIZE != 0) {
                return Outcome.err(Errno.EINVAL);
            }
            pages += item.size() >>> 12;
            if (Long.compareUnsigned(pages, SIZE_LIMIT_PAGES) > 0) {
                return Outcome.err(Errno.EINVAL);
            }
        }
        if (pages == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        int denied = Memfd.F_SEAL_WRITE | (rules.udmabufDeniesFutureWrite() ? Memfd.F_SEAL_FUTURE_WRITE : 0);
        List<PinnedPages.Segment> buffer = new ArrayList<>();
        List<MemfdFile> pinned = new ArrayList<>();
        for (UdmabufIoctl.Item item : items) {
            Optional<OpenFile> file = caller.files().get(item.memfd());
            Outcome<LongFunction<Page>> range;
            if (file.isEmpty() || !(file.get() instanceof MemfdFile memfd)) {
                range = Outcome.err(Errno.EBADFD); // check_memfd_seals, measured on 6.12 and 7.2
            } else if ((memfd.seals() & Memfd.F_SEAL_SHRINK) == 0 || (memfd.seals() & denied) != 0) {
                range = Outcome.err(Errno.EINVAL);
            } else {
                range = memfd.pin(item.offset() >>> 12, item.size() >>> 12);
                if (range.isOk()) {
                    pinned.add(memfd);
                }
            }
            if (!(range instanceof Outcome.Ok<LongFunction<Page>> ok)) {
                pinned.forEach(MemfdFile::unpin);
                return range.map(p -> null);
            }
            buffer.add(new PinnedPages.Segment(ok.value(), item.offset() >>> 12, item.size() >>> 12));
        }
        Exporter exporter = new PinnedPages(buffer, false, true, () -> pinned.forEach(MemfdFile::unpin), "udmabuf");
        return Outcome.ok(new DmaBufFile(exporter, true).install(caller));
    }
}
