package org.uapispec.device.userptr;

import java.util.List;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;

/** The pages a userptr object holds once pinned: struct pages from gup, or an exynos PFN range. */
sealed interface PageSource {

    /** The page at {@code index} of the object. */
    Outcome<Page> page(long index, boolean write);

    /** The object lets go of the pages (put_page, or exynos's put_vma). */
    void release();

    /** Pages pinned by get_user_pages: the process's own {@link Page} objects. */
    record Pinned(List<Page> pages) implements PageSource {
        public Pinned {
            pages = List.copyOf(pages);
        }

        @Override
        public Outcome<Page> page(long index, boolean write) {
            return index >= 0 && index < pages.size() ? Outcome.ok(pages.get((int) index)) : Outcome.sig(Signal.SIGBUS);
        }

        @Override
        public void release() {
            // put_page: the process keeps its pages; the object simply forgets them.
        }
    }

    /**
     * exynos's VM_PFNMAP branch: the pages of the mapping's backing from {@code firstIndex}, kept
     * alive by the copy of the VMA the driver takes ({@code get_vma} calls {@code vm_ops->open}, so
     * the creator opens the backing once).
     */
    record Pfn(Backing backing, long firstIndex, long count) implements PageSource {

        @Override
        public Outcome<Page> page(long index, boolean write) {
            return index >= 0 && index < count ? backing.fault(firstIndex + index, write) : Outcome.sig(Signal.SIGBUS);
        }

        @Override
        public void release() {
            backing.close(); // put_vma: vm_ops->close
        }
    }
}
