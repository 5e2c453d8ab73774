package org.uapispec.device.reference;

import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.AnonMemory;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.MmapRules;

/**
 * mmap(2) in the order the kernel checks it (x86-64 sys_mmap, ksys_mmap_pgoff, do_mmap, mm/mmap.c),
 * on every bit of the {@code unsigned long} prot and flags: an unaligned offset EINVAL; the fd
 * (EBADF) and MAP_HUGETLB on a file that is no hugetlbfs (EINVAL); length 0 EINVAL, one that wraps
 * when rounded to pages ENOMEM; the address ({@code AddressSpace.place}); then the map type and the
 * flags it validates; then the file's own mmap. Prot bits other than READ, WRITE and EXEC are
 * ignored (calc_vm_prot_bits), and so are unknown flags except under MAP_SHARED_VALIDATE.
 *
 * <p>Before Linux 4.17 ({@code MmapRules.validatedMmap} off) there is no MAP_SHARED_VALIDATE (type 3
 * is EINVAL), MAP_FIXED_NOREPLACE is an unknown flag, and file_mmap_ok's EOVERFLOW does not exist.
 *
 * <p>Not modelled: MAP_HUGETLB for anonymous memory, MAP_LOCKED, MAP_POPULATE and MAP_32BIT are
 * accepted and have no effect; MAP_DROPPABLE (6.11) is an unknown type (EINVAL).
 */
final class Syscalls {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final int RWX = Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC;
    /**
     * include/linux/mman.h LEGACY_MAP_MASK on x86-64: SHARED, PRIVATE, FIXED, ANONYMOUS, 32BIT,
     * ABOVE4G, GROWSDOWN, DENYWRITE, EXECUTABLE, LOCKED, NORESERVE, POPULATE, NONBLOCK, STACK, HUGETLB,
     * UNINITIALIZED, HUGE_2MB and HUGE_1GB; not MAP_SYNC and not MAP_FIXED_NOREPLACE. The bits the
     * model never interprets have no name in the api and stay numbers here.
     */
    private static final long LEGACY_MAP_MASK = Mman.MAP_SHARED | Mman.MAP_PRIVATE | Mman.MAP_FIXED
            | Mman.MAP_ANONYMOUS | 0x40 | 0x80 | Mman.MAP_GROWSDOWN | 0x0800 | 0x1000 | 0x2000 | 0x4000 | 0x8000
            | 0x10000 | 0x20000 | Mman.MAP_HUGETLB | 0x4000000 | (21L << 26) | (30L << 26);

    private final boolean validated;

    /** The mmap(2) of the kernel whose era {@code rules} (device 0's) describe. */
    Syscalls(MmapRules rules) {
        this.validated = rules.validatedMmap();
    }

    Outcome<Long> mmap(Process caller, MmapRequest request) {
        if (request.offset() % PAGE != 0) {
            return Outcome.err(Errno.EINVAL); // sys_mmap: off & ~PAGE_MASK
        }
        boolean anonymous = (request.flags() & Mman.MAP_ANONYMOUS) != 0;
        OpenFile file = null;
        if (!anonymous) {
            file = caller.files().get(request.fd()).orElse(null);
            if (file == null) {
                return Outcome.err(Errno.EBADF);
            }
            if ((request.flags() & Mman.MAP_HUGETLB) != 0) {
                return Outcome.err(Errno.EINVAL); // not a hugetlbfs file
            }
        }
        if (request.length() == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        long length = (request.length() + PAGE - 1) & -PAGE;
        if (length == 0) {
            return Outcome.err(Errno.ENOMEM); // PAGE_ALIGN wrapped: "careful about overflows"
        }
        OpenFile mapped = file;
        long placement = validated ? request.flags() : request.flags() & ~Mman.MAP_FIXED_NOREPLACE;
        return caller.memory().place(request.addr(), length, placement)
                .then(addr -> mapped == null ? anonymous(caller, request, addr, length)
                        : file(caller, mapped, request, addr, length));
    }

    /** do_mmap's anonymous branch: SHARED (not growing down) or PRIVATE, any other type EINVAL. */
    private Outcome<Long> anonymous(Process caller, MmapRequest request, long addr, long length) {
        long flags = request.flags();
        switch ((int) (flags & Mman.MAP_TYPE)) {
            case Mman.MAP_SHARED:
                if ((flags & Mman.MAP_GROWSDOWN) != 0) {
                    return Outcome.err(Errno.EINVAL);
                }
                break;
            case Mman.MAP_PRIVATE:
                break;
            default:
                return Outcome.err(Errno.EINVAL); // MAP_SHARED_VALIDATE too: anonymous memory has no file to ask
        }
        caller.memory().install(addr, length, prot(request), RWX, flags, new AnonMemory(), 0);
        return Outcome.ok(addr);
    }

    /**
     * do_mmap's file branch: file_mmap_ok (EOVERFLOW), the type (MAP_SHARED drops unknown flags,
     * MAP_SHARED_VALIDATE refuses them with EOPNOTSUPP, a writable shared mapping needs a file
     * opened for writing, EACCES), MAP_GROWSDOWN EINVAL; then the file's mmap, whose VM_MAY* bits the
     * protection must fit (EACCES).
     */
    private Outcome<Long> file(Process caller, OpenFile file, MmapRequest request, long addr, long length) {
        long pgoff = request.offset() >>> 12;
        if (validated && Long.compareUnsigned(pgoff, (file.mmapSizeMax() - length) >>> 12) > 0) {
            return Outcome.err(Errno.EOVERFLOW);
        }
        long flags = request.flags();
        int prot = prot(request);
        int type = (int) (flags & Mman.MAP_TYPE);
        boolean validating = type == Mman.MAP_SHARED_VALIDATE && validated;
        if (type != Mman.MAP_SHARED && type != Mman.MAP_PRIVATE && !validating) {
            return Outcome.err(Errno.EINVAL); // type 3 too before Linux 4.15
        }
        if (validating && (flags & ~LEGACY_MAP_MASK) != 0) {
            return Outcome.err(Errno.EOPNOTSUPP); // MAP_SHARED ignores what MAP_SHARED_VALIDATE refuses
        }
        if (type != Mman.MAP_PRIVATE && (prot & Mman.PROT_WRITE) != 0 && !file.writable()) {
            return Outcome.err(Errno.EACCES);
        }
        if ((flags & Mman.MAP_GROWSDOWN) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        return file.mmap(caller, request).then(mapping -> {
            if ((prot & ~mapping.maxProt()) != 0) {
                return Outcome.err(Errno.EACCES);
            }
            caller.memory().install(addr, length, prot, mapping.maxProt(), flags, mapping.backing(), mapping.pgoff(),
                    mapping.faultsFromStart());
            return Outcome.ok(addr);
        });
    }

    /** calc_vm_prot_bits: the READ, WRITE and EXEC bits; every other bit of prot is ignored. */
    private static int prot(MmapRequest request) {
        return (int) (request.prot() & RWX);
    }
}
