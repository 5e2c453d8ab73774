package org.uapispec.device.userptr;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Vma;

/**
 * get_user_pages over a userptr range, and the range walks that PROBE and exynos do. Every walk
 * visits only the mappings of the range (O(log n + k)).
 */
final class PagePinner {
    private static final long PAGE = Mman.PAGE_SIZE;

    private PagePinner() {
    }

    /**
     * Pins every page of {@code range} ({@code FOLL_WRITE} unless read-only [41]): the same
     * {@link Page} objects the process uses, so bytes are shared both ways. EFAULT at the first page
     * that is unmapped, a PFN mapping, or lacks the permission [35, 37, 46].
     */
    static Outcome<List<Page>> pinAll(AddressSpace memory, UserptrRange range, boolean write) {
        List<Page> pages = new ArrayList<>((int) Math.min(range.pages(), 1 << 16));
        for (long i = 0; i < range.pages(); i++) {
            Outcome<Page> page = memory.pin(range.start() + i * PAGE, write);
            if (!page.isOk()) {
                return Outcome.err(Errno.EFAULT);
            }
            pages.add(page.value());
        }
        return Outcome.ok(pages);
    }

    /**
     * K-UP {@code probe_range}: EFAULT if a page of the range is in no mapping or in a VM_PFNMAP /
     * VM_MIXEDMAP one (a GEM mmap-offset mapping); pages outside the range do not matter [36].
     */
    static Outcome<Void> probe(AddressSpace memory, UserptrRange range) {
        long covered = range.start();
        for (Vma vma : memory.overlapping(range.start(), range.end())) {
            if (vma.start() > covered || !vma.backing().pinnable()) {
                return Outcome.err(Errno.EFAULT);
            }
            covered = vma.end();
        }
        return covered >= range.end() ? Outcome.ok() : Outcome.err(Errno.EFAULT);
    }
}
