package org.uapispec.device.process;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;

/**
 * One mapping {@code [start, end)} of an address space: protection, the most it may be raised to
 * (VM_MAY*), shared or private, and its backing from page {@code pgoff}. A private mapping of a file
 * keeps its written pages in a copy-on-write overlay.
 *
 * <p>Some drivers' fault handlers count the page from the mapping's start and ignore its offset
 * (vgem_gem_fault and drm_gem_shmem_fault: {@code (vmf->address - vma->vm_start) >> PAGE_SHIFT},
 * because vm_pgoff holds the fake offset). Such a mapping keeps the page each address first faulted
 * in (its page table entry): a page touched before mprotect or munmap split the mapping keeps its
 * page, while an address first touched in a later part maps the page counted from that part's start.
 */
public final class Vma {
    private final long start;
    private final long end;
    private final int prot;
    private final int maxProt;
    private final boolean shared;
    private final Backing backing;
    private final long pgoff;
    private final Map<Long, Page> cow;
    /**
     * For a mapping whose faults count from its start: the backing page each address faulted in,
     * by page address (the parts of a split mapping share it); null for every other mapping.
     */
    private final Map<Long, Long> faulted;

    Vma(long start, long end, int prot, int maxProt, boolean shared, Backing backing, long pgoff) {
        this(start, end, prot, maxProt, shared, backing, pgoff, false);
    }

    /** @param faultsFromStart whether the driver's fault handler counts pages from the mapping's start */
    Vma(long start, long end, int prot, int maxProt, boolean shared, Backing backing, long pgoff,
            boolean faultsFromStart) {
        this(start, end, prot, maxProt, shared, backing, pgoff,
                shared || backing instanceof AnonMemory ? null : new HashMap<>(),
                faultsFromStart ? new HashMap<>() : null);
    }

    private Vma(long start, long end, int prot, int maxProt, boolean shared, Backing backing, long pgoff,
            Map<Long, Page> cow, Map<Long, Long> faulted) {
        this.start = start;
        this.end = end;
        this.prot = prot;
        this.maxProt = maxProt;
        this.shared = shared;
        this.backing = backing;
        this.pgoff = pgoff;
        this.cow = cow;
        this.faulted = faulted;
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public int prot() {
        return prot;
    }

    public int maxProt() {
        return maxProt;
    }

    public boolean shared() {
        return shared;
    }

    public Backing backing() {
        return backing;
    }

    long pages() {
        return (end - start) / Mman.PAGE_SIZE;
    }

    /** The backing's page index for {@code addr}. */
    public long indexOf(long addr) {
        if (faulted != null) {
            Long index = faulted.get(addr - addr % Mman.PAGE_SIZE);
            return index != null ? index : (addr - start) / Mman.PAGE_SIZE;
        }
        return pgoff + (addr - start) / Mman.PAGE_SIZE;
    }

    /** The page that a CPU access at {@code addr} touches, or the signal it raises. */
    Outcome<Page> page(long addr, boolean write) {
        Outcome<Page> page = access(addr, write);
        if (faulted != null && page.isOk()) {
            faulted.putIfAbsent(addr - addr % Mman.PAGE_SIZE, indexOf(addr));
        }
        return page;
    }

    private Outcome<Page> access(long addr, boolean write) {
        long index = indexOf(addr);
        if (cow != null) {
            Page copied = cow.get(index);
            if (copied != null) {
                return Outcome.ok(copied);
            }
            Outcome<Page> original = backing.fault(index, false);
            if (!write || !original.isOk()) {
                return original;
            }
            Page copy = original.value().copy();
            cow.put(index, copy);
            return Outcome.ok(copy);
        }
        return backing.fault(index, write);
    }

    /**
     * Whether a CPU access of {@code [from, from + length)}, inside this mapping, meets a page the
     * backing refuses (SIGBUS). Pages a private mapping already copied never reach the backing.
     */
    boolean refusesAny(long from, long length, boolean write) {
        if (faulted != null) {
            // The pages need not be consecutive in the backing: ask for each (an access is at most a
            // backend's byte limit long, so this is bounded).
            for (long at = from - from % Mman.PAGE_SIZE; at < from + length; at += Mman.PAGE_SIZE) {
                long index = indexOf(at);
                if ((cow == null || !cow.containsKey(index))
                        && backing.firstRefused(index, 1, cow == null && write) >= 0) {
                    return true;
                }
            }
            return false;
        }
        long first = indexOf(from);
        long end = indexOf(from + length - 1) + 1;
        if (cow == null) {
            return backing.firstRefused(first, end - first, write) >= 0;
        }
        long at = first;
        while (at < end) {
            long refused = backing.firstRefused(at, end - at, false); // a copy-on-write fault reads
            if (refused < 0) {
                return false;
            }
            if (!cow.containsKey(refused)) {
                return true;
            }
            at = refused + 1;
        }
        return false;
    }

    /** The part {@code [from, to)} of this mapping, sharing its backing (the caller opens it). */
    Vma slice(long from, long to) {
        return new Vma(from, to, prot, maxProt, shared, backing, faulted != null ? pgoff : indexOf(from),
                cow == null ? null : cow, faulted);
    }

    Vma withProt(int newProt) {
        return new Vma(start, end, newProt, maxProt, shared, backing, pgoff, cow, faulted);
    }

    /** The child's copy at fork: shared mappings share the backing, private ones get their own pages. */
    Vma forkCopy() {
        if (backing instanceof AnonMemory anon && !shared) {
            return new Vma(start, end, prot, maxProt, false, anon.copyOf(pgoff, pages()), pgoff, null, null);
        }
        Map<Long, Page> cowCopy = null;
        if (cow != null) {
            cowCopy = new HashMap<>();
            for (Map.Entry<Long, Page> e : cow.entrySet()) {
                cowCopy.put(e.getKey(), e.getValue().copy());
            }
        }
        // fork copies the page tables of PFN maps (vma_needs_copy), so the child sees the same pages
        return new Vma(start, end, prot, maxProt, shared, backing, pgoff, cowCopy,
                faulted == null ? null : new HashMap<>(faulted));
    }

    @Override
    public String toString() {
        return String.format("%012x-%012x %s%s%s%s %s+%d", start, end,
                (prot & Mman.PROT_READ) != 0 ? "r" : "-",
                (prot & Mman.PROT_WRITE) != 0 ? "w" : "-",
                (prot & Mman.PROT_EXEC) != 0 ? "x" : "-",
                shared ? "s" : "p", backing.describe(), pgoff);
    }
}
