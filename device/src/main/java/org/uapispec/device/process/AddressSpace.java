package org.uapispec.device.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
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
     * Maps {@code length} bytes (page aligned, non-zero) of {@code backing} from page {@code pgoff}:
     * {@link #place} then {@link #install}. The backing is opened once.
     */
    public Outcome<Long> map(long hint, long length, int prot, int maxProt, long flags, Backing backing, long pgoff) {
        return place(hint, length, flags).map(addr -> {
            install(addr, length, prot, maxProt, flags, backing, pgoff);
            return addr;
        });
    }

    /**
     * get_unmapped_area for {@code length} bytes (page aligned, non-zero), without mapping anything:
     * ENOMEM beyond TASK_SIZE; with MAP_FIXED the exact address, ENOMEM past the top before EINVAL
     * for an unaligned one and EPERM below mmap_min_addr (__get_unmapped_area, cap_mmap_addr), and
     * EEXIST over a mapping with MAP_FIXED_NOREPLACE (do_mmap); otherwise the hint if free, else any
     * free range, else ENOMEM.
     */
    public Outcome<Long> place(long hint, long length, long flags) {
        if (Long.compareUnsigned(length, TASK_SIZE) > 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        if ((flags & (Mman.MAP_FIXED | Mman.MAP_FIXED_NOREPLACE)) == 0) {
            return place(hint, length).map(Outcome::ok).orElseGet(() -> Outcome.err(Errno.ENOMEM));
        }
        if (Long.compareUnsigned(hint, TASK_SIZE - length) > 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        if (hint % PAGE != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (hint < MIN_ADDR) {
            return Outcome.err(Errno.EPERM);
        }
        if ((flags & Mman.MAP_FIXED_NOREPLACE) != 0 && !isFree(hint, hint + length)) {
            return Outcome.err(Errno.EEXIST);
        }
        return Outcome.ok(hint);
    }

    /**
     * Puts a mapping at {@code addr}, which {@link #place} gave: with MAP_FIXED whatever was there is
     * unmapped first. The backing is opened once.
     */
    public void install(long addr, long length, int prot, int maxProt, long flags, Backing backing, long pgoff) {
        install(addr, length, prot, maxProt, flags, backing, pgoff, false);
    }

    /**
     * {@link #install(long, long, int, int, long, Backing, long)} for a mapping whose driver faults
     * pages in counting from the mapping's start when {@code faultsFromStart} ({@link Vma}).
     */
    public void install(long addr, long length, int prot, int maxProt, long flags, Backing backing, long pgoff,
            boolean faultsFromStart) {
        if (!isFree(addr, addr + length)) {
            unmap(addr, length);
        }
        if (addr == cursor) {
            cursor += length;
        }
        backing.open();
        boolean shared = (flags & Mman.MAP_SHARED) != 0; // MAP_SHARED_VALIDATE has the bit too
        vmas.put(addr, new Vma(addr, addr + length, prot, maxProt, shared, backing, pgoff, faultsFromStart));
    }

    /** munmap: removes every page of {@code [addr, addr + length)}, splitting mappings at the edges. */
    public Outcome<Void> unmap(long addr, long length) {
        if (addr % PAGE != 0 || length <= 0 || !accessOk(addr, length)) {
            return Outcome.err(Errno.EINVAL); // do_vmi_munmap
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

    /** mprotect, as {@link Mprotect} checks and applies it. */
    public Outcome<Void> protect(long addr, long length, long prot) {
        return new Mprotect(this).apply(addr, length, prot);
    }

    /** Gives {@code [from, to)} of {@code vma} the protection {@code prot}, splitting it at the edges. */
    void reprotect(Vma vma, long from, long to, int prot) {
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

    /**
     * A CPU load of {@code length} bytes (unsigned): SIGSEGV at the first unmapped or unreadable page,
     * SIGBUS where the backing refuses, found before anything is allocated; refused when it does not
     * fault but is longer than a backend carries.
     */
    public Outcome<byte[]> read(long addr, long length) {
        if (length == 0) {
            return Outcome.ok(new byte[0]);
        }
        Outcome<Void> fault = firstFault(addr, length, false);
        if (!fault.isOk()) {
            return fault.map(v -> null);
        }
        if (Transfer.tooLong(length)) {
            return Transfer.refused("read", length);
        }
        byte[] out = new byte[(int) length];
        return access(addr, out.length, false, (page, offset, done, n) -> page.read(offset, out, done, n))
                .map(v -> out);
    }

    /** A CPU store: SIGSEGV on an unmapped or read-only page, SIGBUS where the backing refuses. */
    public Outcome<Void> write(long addr, byte[] data) {
        if (data.length == 0) {
            return Outcome.ok();
        }
        Outcome<Void> fault = firstFault(addr, data.length, true);
        if (!fault.isOk()) {
            return fault;
        }
        if (Transfer.tooLong(data.length)) {
            return Transfer.refused("write", data.length);
        }
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

    /**
     * The mappings overlapping {@code [start, end)}, in address order. Addresses are unsigned: nothing
     * is mapped at or above TASK_SIZE, so a range that starts there has none, and one whose end wraps
     * past the top of the address space reaches to TASK_SIZE.
     */
    public List<Vma> overlapping(long start, long end) {
        List<Vma> hits = new ArrayList<>();
        if (end == start || Long.compareUnsigned(start, TASK_SIZE) >= 0) {
            return hits;
        }
        long limit = Long.compareUnsigned(end, start) < 0 || Long.compareUnsigned(end, TASK_SIZE) > 0 ? TASK_SIZE : end;
        Map.Entry<Long, Vma> floor = vmas.lowerEntry(start);
        if (floor != null && floor.getValue().end() > start) {
            hits.add(floor.getValue());
        }
        hits.addAll(vmas.subMap(start, true, limit, false).values());
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

    /**
     * The first fault an access of {@code length} bytes (unsigned) from {@code addr} meets, in address
     * order, visiting each mapping of the range once (O(k log n)) instead of each page, and copying
     * or allocating nothing: SIGSEGV where no mapping or no permission is (also past the top of the
     * address space, where the range may wrap), SIGBUS where a backing refuses a page.
     */
    private Outcome<Void> firstFault(long addr, long length, boolean write) {
        int need = write ? Mman.PROT_WRITE : Mman.PROT_READ;
        long at = addr;
        long left = length;
        while (left != 0) {
            Vma vma = Long.compareUnsigned(at, TASK_SIZE) < 0 ? vmaAt(at).orElse(null) : null;
            if (vma == null || (vma.prot() & need) == 0) {
                return Outcome.sig(Signal.SIGSEGV);
            }
            long inVma = vma.end() - at;
            long n = Long.compareUnsigned(left, inVma) < 0 ? left : inVma;
            if (vma.refusesAny(at, n, write)) {
                return Outcome.sig(Signal.SIGBUS);
            }
            at += n;
            left -= n;
        }
        return Outcome.ok();
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

    /** arch_get_unmapped_area: round_hint_to_min's hint if it is free, else the bump cursor, else a gap. */
    private Optional<Long> place(long hint, long length) {
        long aligned = hint - Math.floorMod(hint, PAGE);
        if (hint != 0 && aligned >= 0 && aligned < MIN_ADDR) {
            aligned = MIN_ADDR; // round_hint_to_min
        }
        if (hint != 0 && accessOk(aligned, length) && isFree(aligned, aligned + length)) {
            return Optional.of(aligned);
        }
        // The bump cursor moves past the mappings in its way (MAP_FIXED ones, say); it only ever
        // moves up, so each mapping is passed once and placement stays O(log n) amortized.
        while (accessOk(cursor, length) && !isFree(cursor, cursor + length)) {
            cursor = vmas.lowerEntry(cursor + length).getValue().end();
        }
        if (accessOk(cursor, length)) {
            return Optional.of(cursor);
        }
        // The bump cursor reached the top: walk the gaps from the bottom (rare).
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
