package org.uapispec.device.userptr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Vma;

/**
 * {@code exynos_drm_get_userptr} from the 2012 patch (seed 002): pages are taken when the object is
 * created. If the first mapping of the range is VM_PFNMAP (a GEM mmap), every page must follow it
 * physically ({@code follow_pfn}, {@code this_pfn != prev_pfn + 1} is EINVAL); otherwise
 * {@code get_user_pages(write=1, force=1)} pins them.
 *
 * <p>The model's physical layout: one PFN mapping is one contiguous run (consecutive pages of one
 * object); a page outside that mapping is never contiguous with it. FOLL_FORCE is approximated by
 * pinning read-only mappings without FOLL_WRITE (the kernel breaks COW instead).
 */
final class ExynosPinner {
    private static final long PAGE = Mman.PAGE_SIZE;

    private ExynosPinner() {
    }

    /**
     * The pinned pages; an empty result when get_user_pages pinned only part of the range: the
     * ioctl then returns that positive count, which userspace reads as success with the handle field
     * left as it was (0).
     */
    static Outcome<Optional<PageSource>> pin(AddressSpace memory, UserptrRange range) {
        Optional<Vma> first = findVma(memory, range);
        if (first.isPresent() && !first.get().backing().pinnable()) {
            return pfn(first.get(), range);
        }
        List<Page> pages = new ArrayList<>();
        for (long i = 0; i < range.pages(); i++) {
            long addr = range.start() + i * PAGE;
            boolean writable = memory.vmaAt(addr).map(v -> (v.prot() & Mman.PROT_WRITE) != 0).orElse(true);
            Outcome<Page> page = memory.pin(addr, writable);
            if (!page.isOk()) {
                // gup returns -EFAULT if the first page fails, else the count pinned so far.
                return pages.isEmpty() ? Outcome.err(Errno.EFAULT) : Outcome.ok(Optional.empty());
            }
            pages.add(page.value());
        }
        return Outcome.ok(Optional.of(new PageSource.Pinned(pages)));
    }

    /** {@code find_vma(mm, userptr)}: the mapping that holds the start, else the first one in the range. */
    private static Optional<Vma> findVma(AddressSpace memory, UserptrRange range) {
        Optional<Vma> at = memory.vmaAt(range.start());
        if (at.isPresent()) {
            return at;
        }
        return memory.overlapping(range.start(), range.end()).stream().findFirst();
    }

    private static Outcome<Optional<PageSource>> pfn(Vma vma, UserptrRange range) {
        if (vma.start() > range.start() || vma.end() < range.end()) {
            return Outcome.err(Errno.EINVAL); // follow_pfn fails, or the next pfn is not prev_pfn + 1
        }
        vma.backing().open(); // get_vma: vm_ops->open keeps the mapped object alive
        return Outcome.ok(Optional.of(new PageSource.Pfn(vma.backing(), vma.indexOf(range.start()), range.pages())));
    }
}
