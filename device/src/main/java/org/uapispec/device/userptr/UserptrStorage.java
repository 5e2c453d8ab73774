package org.uapispec.device.userptr;

import java.util.List;
import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.gem.Storage;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.process.MmuNotifier;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.UserptrRules;
import org.uapispec.device.util.IntervalTree;

/**
 * The storage of a userptr object: the creating process's memory over {@link UserptrRange}, pinned
 * lazily at first use and dropped by the MMU notifier when the range changes [35, 46].
 *
 * <p>A synchronized object is registered in its address space's notifier tree, which is also the
 * per-mm tree the overlap rule searches ({@code i915_mmu_notifier.objects} in the seed, one
 * {@code mmu_interval_notifier} per object today): both lookups are O(log n + k). Unsynchronized
 * objects are not registered, so they are never invalidated and keep stale pages [38, 46].
 *
 * <p>Where the profile has gup workers ({@link UserptrRules#eagainWhilePinning()}), pinning follows
 * {@link GupWorker}; otherwise it is synchronous (K-UP).
 */
final class UserptrStorage implements Storage, MmuNotifier {
    private final GemDevice device;
    private final UserptrRules rules;
    private final AddressSpace owner;
    private final UserptrRange range;
    private final boolean readOnly;
    /** Made on the first use that needs one: most objects never have a worker (24 bytes each). */
    private GupWorker worker;
    private PageSource pages;
    private IntervalTree.Entry<MmuNotifier> registration;
    private boolean released;

    UserptrStorage(GemDevice device, AddressSpace owner, UserptrRange range, boolean readOnly) {
        this.device = device;
        this.rules = device.profile().userptr();
        this.owner = owner;
        this.range = range;
        this.readOnly = readOnly;
    }

    /** An exynos object whose pages were taken by the ioctl. */
    UserptrStorage(GemDevice device, AddressSpace owner, UserptrRange range, PageSource pinned) {
        this(device, owner, range, false);
        this.pages = pinned;
    }

    /**
     * Joins the mm's notifier tree, after the overlap rule: the seed's {@code i915_mmu_notifier_add}
     * checks only the first overlapping object: EAGAIN if it still has a gup worker ("return back to
     * the user to give time for the gup-workers to flush", which the model does right then), else
     * EINVAL where overlap is refused [43]; 3.18+ allow the overlap but keep the EAGAIN [44]; today
     * there is no check [45].
     */
    Outcome<Void> register() {
        Optional<UserptrStorage> first = firstOverlapping();
        if (first.isPresent()) {
            if (rules.eagainWhilePinning() && first.get().workerPending()) {
                first.get().flushWorker();
                return Outcome.err(Errno.EAGAIN);
            }
            if (rules.overlapRefused()) {
                return Outcome.err(Errno.EINVAL);
            }
        }
        registration = owner.register(range.treeStart(), range.treeEnd(), this);
        return Outcome.ok();
    }

    private Optional<UserptrStorage> firstOverlapping() {
        for (IntervalTree.Entry<MmuNotifier> hit : owner.notifiersOverlapping(range.treeStart(), range.treeEnd())) {
            if (hit.value() instanceof UserptrStorage other && other.device == device && other.range.overlaps(range)) {
                return Optional.of(other);
            }
        }
        return Optional.empty();
    }

    /**
     * get_pages for a use from {@code caller}: 0 when the pages are (or get) pinned, EFAULT when a
     * page cannot be pinned or, today, when the caller is another mm [49], EAGAIN while a gup worker
     * is pending [56].
     */
    Outcome<Void> acquire(AddressSpace caller) {
        // K-UP i915_gem_object_userptr_submit_init checks notifier.mm != current->mm first, before
        // it looks at pages already pinned: a child fails even after its parent pinned them.
        if (rules.otherMmUseFails() && caller != owner) {
            return Outcome.err(Errno.EFAULT);
        }
        if (pages != null) {
            return Outcome.ok();
        }
        if (!rules.eagainWhilePinning()) {
            return pinNow();
        }
        if (workerPending()) {
            flushWorker();
        }
        if (pages != null) {
            return Outcome.ok();
        }
        if (caller == owner && pinNow().isOk()) {
            if (worker != null) {
                worker.clearError(); // __get_user_pages_fast pinned every page
            }
            return Outcome.ok();
        }
        if (worker == null) {
            worker = new GupWorker();
        }
        return worker.errorOrStart();
    }

    private Outcome<Void> pinNow() {
        Outcome<List<Page>> pinned = PagePinner.pinAll(owner, range, !readOnly);
        if (!pinned.isOk()) {
            return Outcome.err(Errno.EFAULT);
        }
        pages = new PageSource.Pinned(pinned.value());
        return Outcome.ok();
    }

    /** The pending worker runs to its end: its pages, or its error, unless it was cancelled. */
    private void flushWorker() {
        if (worker != null && worker.finish()) {
            Outcome<Void> result = pinNow();
            if (!result.isOk()) {
                worker.fail(Errno.EFAULT);
            }
        }
        if (released) {
            dropPages();
            unregister(); // the worker's object reference was the last one
        }
    }

    /** The MMU notifier: the seed's invalidate_range_start cancels the worker and puts the pages. */
    @Override
    public void invalidate(long start, long end) {
        if (worker != null) {
            worker.cancel();
        }
        dropPages();
    }

    @Override
    public Outcome<Page> page(long index, boolean write) {
        if (pages == null && !acquire(owner).isOk() && workerPending()) {
            flushWorker(); // a fault retries on EAGAIN [82]
            acquire(owner);
        }
        return pages == null ? Outcome.sig(Signal.SIGBUS) : pages.page(index, write);
    }

    /** pread/pwrite: EINVAL where refused [52]; else the pages are pinned first (EAGAIN, EFAULT). */
    @Override
    public Outcome<Void> cpuCopyAllowed(boolean write) {
        return rules.cpuCopyRefused() ? Outcome.err(Errno.EINVAL) : acquire(owner);
    }

    @Override
    public Outcome<Void> useOnGpu(Process caller) {
        return acquire(caller.memory());
    }

    /** MMAP_OFFSET / MMAP_GTT / MAP_DUMB: ENODEV where the object is never mmapped [51]; radeon EPERM. */
    @Override
    public Outcome<Void> offsetAllowed(String type) {
        return rules.mmapRefused().<Outcome<Void>>map(Outcome::err).orElse(Outcome.ok());
    }

    /**
     * PRIME export: EINVAL today [53], EPERM on radeon. Earlier i915 ({@code i915_gem_userptr_dmabuf_export}) first
     * gives an unsynchronized object an MMU notifier, which can fail like creation (EINVAL, EAGAIN).
     */
    @Override
    public Outcome<Void> exportAllowed() {
        if (rules.exportRefused().isPresent()) {
            return Outcome.err(rules.exportRefused().get());
        }
        if (registration == null && !rules.pinAtCreation()) {
            return register();
        }
        return Outcome.ok();
    }

    /** No shmem file: legacy GEM_MMAP ENXIO [86], i915 dma-buf mmap ENODEV [53, 95]. */
    @Override
    public boolean hasShmemFile() {
        return false;
    }

    @Override
    public boolean readOnly() {
        return readOnly;
    }

    /** The object is freed: pages go; the notifier too, unless a gup worker still holds the object. */
    @Override
    public void release() {
        released = true;
        dropPages();
        if (!workerPending()) {
            unregister();
        }
    }

    private boolean workerPending() {
        return worker != null && worker.pending();
    }

    private void dropPages() {
        if (pages != null) {
            pages.release();
            pages = null;
        }
    }

    private void unregister() {
        if (registration != null) {
            owner.unregister(registration);
            registration = null;
        }
    }

    /** Whether the object holds its pages now (for tests and state dumps). */
    boolean hasPages() {
        return pages != null;
    }

    /** Whether the object is in its address space's notifier tree. */
    boolean synchronizedWithMm() {
        return registration != null;
    }

    @Override
    public String describe() {
        return "userptr " + range + (readOnly ? " ro" : "") + (registration != null ? " sync" : " unsync")
                + (pages != null ? " pinned" : " unpinned") + (workerPending() ? " gup-pending" : "");
    }
}
