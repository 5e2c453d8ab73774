package org.uapispec.device.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.uapispec.device.api.Errno;
import org.uapispec.device.api.Mman;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.api.Signal;
import org.uapispec.device.util.IntervalTree;

/**
 * A process's virtual memory: non-overlapping mappings in an ordered map (every lookup, insert and
 * split is O(log n)) and the MMU notifiers registered on its ranges. It answers mmap, munmap,
 * mprotect, CPU loads and stores, and get_user_pages; it knows nothing of DRM.
 */
public final class AddressSpace {
    /** The lowest address a mapping may have ({@code vm.mmap_min_addr}). */
    public static final long MIN_ADDR = 0x10000L;
    /** The end of the user address space on x86-64 with 4-level paging ({@code TASK_SIZE}). */
    public static final long TASK_SIZE = 0x7ffffffff000L;
    private static final long FIRST_UNMAPPED = 0x100000000L;
    private static final long PAGE = Mman.PAGE_SIZE;

    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    private final IntervalTree<MmuNotifier> notifiers = new IntervalTree<>();
    private long cursor = FIRST_UNMAPPED;

    /** Whether {@code [addr, addr + length)} lies inside the user address space ({@code access_ok}). */
    public static boolean accessOk(long addr, long length) {
        return addr >= 0 && length >= 0 && addr <= TASK_SIZE && length <= TASK_SIZE - addr;
    }

    /**
     * Maps {@code length} bytes (page aligned, non-zero) of {@code backing} from page {@code pgoff}.
     * With {@code fixed} the mapping goes exactly at {@code hint}, replacing what was there (or EEXIST
     * with {@code noReplace}); otherwise the hint is used when free. The backing is opened once.
     */
    public Outcome<Long> map(long hint, long length, int prot, int maxProt, int flags, Backing backing, long pgoff) {
        boolean fixed = (flags & (Mman.MAP_FIXED | Mman.MAP_FIXED_NOREPLACE)) != 0;
        long addr;
        if (fixed) {
            if (hint % PAGE != 0) {
                return Outcome.err(Errno.EINVAL);
            }
            if (hint < MIN_ADDR) {
                return Outcome.err(Errno.EPERM);
            }
            if (!accessOk(hint, length)) {
                return Outcome.err(Errno.ENOMEM);
            }
            if (!isFree(hint, hint + length)) {
                if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0) {
                    return Outcome.err(Errno.EEXIST);
                }
                unmap(hint, length);
            }
            addr = hint;
        } else {
            Optional<Long> found = place(hint, length);
            if (found.isEmpty()) {
                return Outcome.err(Errno.ENOMEM);
            }
            addr = found.get();
        }
        backing.open();
        boolean shared = (flags & Mman.MAP_SHARED) != 0;
        vmas.put(addr, new Vma(addr, addr + length, prot, maxProt, shared, backing, pgoff));
        return Outcome.ok(addr);
    }

    /** munmap: removes every page of {@code [addr, addr + length)}, splitting mappings at the edges. */
    public Outcome<Void> unmap(long addr, long length) {
        if (addr % PAGE != 0 || length <= 0 || !accessOk(addr, length)) {
            return Outcome.err(Errno.EINVAL);
        }
        long end = addr + roundUp(length);
        for (Vma vma : overlapping(addr, end)) {
            long cutStart = Math.max(addr, vma.start());
            long cutEnd = Math.min(end, vma.end());
            invalidate(cutStart, cutEnd);
            vmas.remove(vma.start());
            if (vma.start() < cutStart) {
                insertSlice(vma, vma.start(), cutStart);
            }
            if (cutEnd < vma.end()) {
                insertSlice(vma, cutEnd, vma.end());
            }
            vma.backing().close();
        }
        return Outcome.ok();
    }

    /**
     * mprotect: ENOMEM if any page of the range is unmapped, EACCES if a mapping may not be raised to
     * {@code prot} (a read-only object's mapping lacks VM_MAYWRITE [78]).
     */
    public Outcome<Void> protect(long addr, long length, int prot) {
        if (addr % PAGE != 0 || length < 0 || !accessOk(addr, length)) {
            return Outcome.err(Errno.EINVAL);
        }
        long end = addr + roundUp(length);
        List<Vma> hit = overlapping(addr, end);
        long covered = addr;
        for (Vma vma : hit) {
            if (vma.start() > covered) {
                return Outcome.err(Errno.ENOMEM);
            }
            if ((prot & ~vma.maxProt()) != 0) {
                return Outcome.err(Errno.EACCES);
            }
            covered = vma.end();
        }
        if (covered < end) {
            return Outcome.err(Errno.ENOMEM);
        }
        for (Vma vma : hit) {
            long from = Math.max(addr, vma.start());
            long to = Math.min(end, vma.end());
            invalidate(from, to);
            vmas.remove(vma.start());
            if (vma.start() < from) {
                insertSlice(vma, vma.start(), from);
            }
            Vma middle = vma.slice(from, to).withProt(prot);
            vma.backing().open();
            vmas.put(from, middle);
            if (to < vma.end()) {
                insertSlice(vma, to, vma.end());
            }
            vma.backing().close();
        }
        return Outcome.ok();
    }

    /** A CPU load; SIGSEGV on an unmapped or unreadable page, SIGBUS when the backing refuses. */
    public Outcome<byte[]> read(long addr, int length) {
        byte[] out = new byte[length];
        return access(addr, length, false, (page, offset, done, n) -> page.read(offset, out, done, n))
                .map(v -> out);
    }

    /** A CPU store; SIGSEGV on an unmapped or read-only page, SIGBUS when the backing refuses. */
    public Outcome<Void> write(long addr, byte[] data) {
        return access(addr, data.length, true, (page, offset, done, n) -> page.write(offset, data, done, n));
    }

    /**
     * get_user_pages for one page: EFAULT if the address is unmapped, lacks the permission asked for,
     * or is a PFN mapping that cannot be pinned.
     */
    public Outcome<Page> pin(long addr, boolean write) {
        Vma vma = vmaAt(addr).orElse(null);
        if (vma == null || !vma.backing().pinnable() || (vma.prot() & Mman.PROT_READ) == 0
                || (write && (vma.prot() & Mman.PROT_WRITE) == 0)) {
            return Outcome.err(Errno.EFAULT);
        }
        Outcome<Page> page = vma.page(addr, write);
        return page.isOk() ? page : Outcome.err(Errno.EFAULT);
    }

    /** Registers {@code notifier} on {@code [start, end)}; keep the result to unregister it. */
    public IntervalTree.Entry<MmuNotifier> register(long start, long end, MmuNotifier notifier) {
        return notifiers.insert(start, end, notifier);
    }

    public void unregister(IntervalTree.Entry<MmuNotifier> registration) {
        notifiers.remove(registration);
    }

    /** The notifiers registered on ranges overlapping {@code [start, end)}, O(log n + k). */
    public List<IntervalTree.Entry<MmuNotifier>> notifiersOverlapping(long start, long end) {
        return notifiers.overlapping(start, end);
    }

    /** The mapping that contains {@code addr}, if any. */
    public Optional<Vma> vmaAt(long addr) {
        Map.Entry<Long, Vma> floor = vmas.floorEntry(addr);
        if (floor == null || floor.getValue().end() <= addr) {
            return Optional.empty();
        }
        return Optional.of(floor.getValue());
    }

    /** The mappings overlapping {@code [start, end)}, in address order. */
    public List<Vma> overlapping(long start, long end) {
        List<Vma> hits = new ArrayList<>();
        Map.Entry<Long, Vma> floor = vmas.lowerEntry(start);
        if (floor != null && floor.getValue().end() > start) {
            hits.add(floor.getValue());
        }
        hits.addAll(vmas.subMap(start, true, end, false).values());
        return hits;
    }

    /** The child's address space at fork: every mapping copied, no notifiers. */
    public AddressSpace fork() {
        AddressSpace child = new AddressSpace();
        for (Vma vma : vmas.values()) {
            vma.backing().open();
            child.vmas.put(vma.start(), vma.forkCopy());
        }
        child.cursor = cursor;
        return child;
    }

    /** exit: every notifier sees its range go, every mapping is dropped. */
    public void teardown() {
        for (Vma vma : List.copyOf(vmas.values())) {
            invalidate(vma.start(), vma.end());
            vmas.remove(vma.start());
            vma.backing().close();
        }
    }

    /** One line per mapping, like /proc/pid/maps. */
    public List<String> describe() {
        return vmas.values().stream().map(Vma::toString).toList();
    }

    private interface PageAccess {
        void apply(Page page, int offset, int done, int length);
    }

    private Outcome<Void> access(long addr, int length, boolean write, PageAccess op) {
        int done = 0;
        while (done < length) {
            long at = addr + done;
            Vma vma = vmaAt(at).orElse(null);
            int need = write ? Mman.PROT_WRITE : Mman.PROT_READ;
            if (vma == null || (vma.prot() & need) == 0) {
                return Outcome.sig(Signal.SIGSEGV);
            }
            Outcome<Page> page = vma.page(at, write);
            if (!page.isOk()) {
                return page.then(p -> Outcome.ok());
            }
            int offset = (int) (at % PAGE);
            int n = Math.min(length - done, Page.SIZE - offset);
            op.apply(page.value(), offset, done, n);
            done += n;
        }
        return Outcome.ok();
    }

    private void invalidate(long start, long end) {
        for (IntervalTree.Entry<MmuNotifier> entry : notifiers.overlapping(start, end)) {
            entry.value().invalidate(Math.max(start, entry.start()), Math.min(end, entry.end()));
        }
    }

    private void insertSlice(Vma vma, long from, long to) {
        vma.backing().open();
        vmas.put(from, vma.slice(from, to));
    }

    private boolean isFree(long start, long end) {
        Map.Entry<Long, Vma> below = vmas.lowerEntry(end);
        return below == null || below.getValue().end() <= start;
    }

    private Optional<Long> place(long hint, long length) {
        long aligned = hint - Math.floorMod(hint, PAGE);
        if (hint != 0 && aligned >= MIN_ADDR && accessOk(aligned, length) && isFree(aligned, aligned + length)) {
            return Optional.of(aligned);
        }
        if (accessOk(cursor, length) && isFree(cursor, cursor + length)) {
            long addr = cursor;
            cursor += length;
            return Optional.of(addr);
        }
        // The bump cursor ran into a mapping or the top: walk the gaps from the bottom (rare).
        long candidate = FIRST_UNMAPPED;
        for (Vma vma : vmas.tailMap(FIRST_UNMAPPED, true).values()) {
            if (vma.start() - candidate >= length) {
                break;
            }
            candidate = Math.max(candidate, vma.end());
        }
        return accessOk(candidate, length) ? Optional.of(candidate) : Optional.empty();
    }

    private static long roundUp(long length) {
        return (length + PAGE - 1) / PAGE * PAGE;
    }
}
