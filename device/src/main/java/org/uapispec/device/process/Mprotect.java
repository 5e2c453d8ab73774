package org.uapispec.device.process;

import java.util.List;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;

/**
 * mprotect(2) as mm/mprotect.c's do_mprotect_pkey checks and applies it, on every bit of the
 * {@code unsigned long prot}: PROT_GROWSDOWN and PROT_GROWSUP together EINVAL, an unaligned start
 * EINVAL, length 0 a no-op, a length whose end wraps ENOMEM, bits beyond READ|WRITE|EXEC|SEM EINVAL
 * (the generic arch_validate_prot, x86's), then the mappings in order: the range must start in one
 * (ENOMEM), each must allow the new protection (VM_MAY*, else EACCES [78]) and follow the previous
 * one without a hole (ENOMEM). Mappings already changed stay changed when a later one fails, as in
 * the kernel's loop.
 *
 * <p>The model keeps no VM_GROWSDOWN, so PROT_GROWSDOWN is EINVAL on every mapping (also on one made
 * with MAP_GROWSDOWN, where Linux would extend the change to the stack's start); x86 has no
 * VM_GROWSUP at all, so PROT_GROWSUP is always EINVAL.
 */
final class Mprotect {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final long GROWS = Mman.PROT_GROWSDOWN | Mman.PROT_GROWSUP;
    private static final long VALID = Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC | Mman.PROT_SEM;
    private static final int RWX = Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC;

    private final AddressSpace memory;

    Mprotect(AddressSpace memory) {
        this.memory = memory;
    }

    Outcome<Void> apply(long start, long length, long prot) {
        long grows = prot & GROWS;
        long bits = prot & ~GROWS;
        if (grows == GROWS || start % PAGE != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (length == 0) {
            return Outcome.ok();
        }
        long end = start + ((length + PAGE - 1) & -PAGE);
        if (Long.compareUnsigned(end, start) <= 0) {
            return Outcome.err(Errno.ENOMEM);
        }
        if ((bits & ~VALID) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        List<Vma> hit = memory.overlapping(start, end);
        if (hit.isEmpty()) {
            return Outcome.err(Errno.ENOMEM);
        }
        if (grows != 0) {
            // PROT_GROWSDOWN: no VM_GROWSDOWN mapping; PROT_GROWSUP: a hole first, else no VM_GROWSUP.
            return (grows & Mman.PROT_GROWSUP) != 0 && hit.get(0).start() > start
                    ? Outcome.err(Errno.ENOMEM) : Outcome.err(Errno.EINVAL);
        }
        return change(hit, start, end, (int) (bits & RWX));
    }

    private Outcome<Void> change(List<Vma> hit, long start, long end, int prot) {
        long at = start;
        for (Vma vma : hit) {
            if (vma.start() > at) {
                return Outcome.err(Errno.ENOMEM);
            }
            if ((prot & ~vma.maxProt()) != 0) {
                return Outcome.err(Errno.EACCES);
            }
            long to = Long.compareUnsigned(end, vma.end()) < 0 ? end : vma.end();
            memory.reprotect(vma, at, to, prot);
            at = to;
        }
        return at == end ? Outcome.ok() : Outcome.err(Errno.ENOMEM);
    }
}
