package org.uapispec.device.memfd;

import java.util.Map;
import java.util.TreeMap;
import org.uapispec.api.Errno;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Memfd;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.SystemRules;

/**
 * A memfd: an unlinked shmem file, opened read-write, whose pages are allocated zeroed on first touch
 * and exist only below its size; with its seals (memfd_add_seals) [105]. Pages a udmabuf pinned are
 * counted, because sealing F_SEAL_WRITE waits for pins to go (memfd_wait_for_pins) [108].
 *
 * <p>Not modelled: hugetlbfs memfds (MFD_HUGETLB), which the backend refuses to create; read(2) and
 * write(2) of the file, which the api has no call for; exec permission beyond the F_SEAL_EXEC bit.
 */
public final class MemfdFile extends OpenFile {
    private static final int RX = Mman.PROT_READ | Mman.PROT_EXEC;
    private static final int RWX = RX | Mman.PROT_WRITE;
    private static final int BASE_SEALS = Memfd.F_SEAL_SEAL | Memfd.F_SEAL_SHRINK | Memfd.F_SEAL_GROW
            | Memfd.F_SEAL_WRITE | Memfd.F_SEAL_FUTURE_WRITE;

    private final String name;
    private final SystemRules rules;
    /** Allocated pages by index: a sorted map, so SEEK_DATA and SEEK_HOLE find the next one in O(log n). */
    private final TreeMap<Long, Page> pages = new TreeMap<>();
    private long size;
    private int seals;
    private long position;
    /** Shared mappings that count as writable (i_mmap_writable), which F_SEAL_WRITE refuses (EBUSY). */
    private int writableMappings;
    /** udmabufs holding pinned pages of this file. */
    private int pins;

    private MemfdFile(String name, SystemRules rules, int seals) {
        this.name = name;
        this.rules = rules;
        this.seals = seals;
    }

    /**
     * memfd_create: flags outside the known set EINVAL (MFD_EXEC and MFD_NOEXEC_SEAL are known from
     * 6.3, and EINVAL together), a name longer than {@link Memfd#NAME_MAX_LEN} bytes EINVAL. Without
     * MFD_ALLOW_SEALING the file starts with F_SEAL_SEAL; MFD_NOEXEC_SEAL allows sealing and adds
     * F_SEAL_EXEC. Hugetlbfs files are not modelled: the caller refuses MFD_HUGETLB first.
     */
    public static Outcome<MemfdFile> create(String name, int flags, SystemRules rules) {
        int known = Memfd.MFD_CLOEXEC | Memfd.MFD_ALLOW_SEALING | Memfd.MFD_HUGETLB
                | (rules.memfdExec() ? Memfd.MFD_NOEXEC_SEAL | Memfd.MFD_EXEC : 0);
        if ((flags & ~known) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if ((flags & Memfd.MFD_EXEC) != 0 && (flags & Memfd.MFD_NOEXEC_SEAL) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Memfd.NAME_MAX_LEN) {
            return Outcome.err(Errno.EINVAL); // strnlen_user(uname, MFD_NAME_MAX_LEN + 1)
        }
        int initial = Memfd.F_SEAL_SEAL;
        if ((flags & Memfd.MFD_NOEXEC_SEAL) != 0) {
            initial = Memfd.F_SEAL_EXEC;
        } else if ((flags & Memfd.MFD_ALLOW_SEALING) != 0) {
            initial = 0;
        }
        return Outcome.ok(new MemfdFile(name, rules, initial));
    }

    /** F_GET_SEALS. */
    public int seals() {
        return seals;
    }

    /**
     * memfd_add_seals after the caller's checks (a file opened for writing, bits inside
     * {@link #allSeals}):
     * EPERM once F_SEAL_SEAL is set; a new F_SEAL_WRITE is EBUSY while a shared mapping may write
     * (mapping_deny_writable) or a udmabuf pins pages (memfd_wait_for_pins gives up).
     */
    public Outcome<Void> addSeals(int added) {
        if ((seals & Memfd.F_SEAL_SEAL) != 0) {
            return Outcome.err(Errno.EPERM);
        }
        if ((added & Memfd.F_SEAL_WRITE) != 0 && (seals & Memfd.F_SEAL_WRITE) == 0
                && (writableMappings > 0 || pins > 0)) {
            return Outcome.err(Errno.EBUSY);
        }
        seals |= added;
        return Outcome.ok();
    }

    /** F_ALL_SEALS of the kernel: F_SEAL_EXEC from 6.3. */
    public static int allSeals(SystemRules rules) {
        return BASE_SEALS | (rules.memfdExec() ? Memfd.F_SEAL_EXEC : 0);
    }

    /**
     * shmem_setattr: shrinking past F_SEAL_SHRINK or growing past F_SEAL_GROW is EPERM; the pages past
     * a smaller size go (shmem_truncate_range). The caller checked the length is not negative.
     */
    public Outcome<Void> truncate(long length) {
        if (length < size && (seals & Memfd.F_SEAL_SHRINK) != 0
                || length > size && (seals & Memfd.F_SEAL_GROW) != 0) {
            return Outcome.err(Errno.EPERM);
        }
        if (length < size) {
            pages.tailMap(pageCount(length), true).clear();
        }
        size = length;
        return Outcome.ok();
    }

    /** The pages below the size, in whole pages: a partial last page is a page. */
    private long pageCount() {
        return pageCount(size);
    }

    private static long pageCount(long bytes) {
        return bytes / Mman.PAGE_SIZE + (bytes % Mman.PAGE_SIZE == 0 ? 0 : 1);
    }

    /** The page at {@code index}, allocated (zeroed) if absent; SIGBUS at or past the size (shmem_fault). */
    Outcome<Page> page(long index) {
        if (index < 0 || index >= pageCount()) {
            return Outcome.sig(org.uapispec.api.Signal.SIGBUS);
        }
        return Outcome.ok(pages.computeIfAbsent(index, i -> new Page()));
    }

    /** The first page of the range at or past the size, or -1. */
    long firstRefused(long first, long count) {
        long limit = pageCount();
        if (first >= limit) {
            return first;
        }
        return count > limit - first ? limit : -1;
    }

    /**
     * Pins the pages {@code [first, first + count)} for a udmabuf (memfd_pin_folios;
     * shmem_read_mapping_page before 6.11) until {@link #unpin}: EINVAL if the range reaches past the
     * size (shmem_get_folio refuses an index past i_size). The result gives the file's page at an
     * index, allocated zeroed the first time; the kernel allocates them all now, which no call can
     * tell apart. The file cannot shrink below them: udmabuf demands F_SEAL_SHRINK.
     */
    public Outcome<java.util.function.LongFunction<Page>> pin(long first, long count) {
        if (count > pageCount() || first > pageCount() - count) {
            return Outcome.err(Errno.EINVAL);
        }
        pins++;
        return Outcome.ok(index -> pages.computeIfAbsent(index, k -> new Page()));
    }

    /** A udmabuf let its pages go. */
    public void unpin() {
        pins--;
    }

    /**
     * shmem_mmap and mmap_region: under F_SEAL_WRITE or F_SEAL_FUTURE_WRITE a writable shared mapping
     * is EPERM and a read-only one may not become writable (VM_MAYWRITE cleared); before 6.7 any shared
     * mapping of a write-sealed file was EPERM (mapping_map_writable). A private mapping is always
     * allowed: its writes are copies.
     */
    @Override
    public Outcome<Mapping> mmap(Process caller, MmapRequest request) {
        boolean shared = (request.flags() & Mman.MAP_TYPE) != Mman.MAP_PRIVATE;
        boolean writeSealed = (seals & (Memfd.F_SEAL_WRITE | Memfd.F_SEAL_FUTURE_WRITE)) != 0;
        int maxProt = RWX;
        if (shared && writeSealed) {
            if ((request.prot() & Mman.PROT_WRITE) != 0
                    || !rules.sealedReadOnlyShared() && (seals & Memfd.F_SEAL_WRITE) != 0) {
                return Outcome.err(Errno.EPERM);
            }
            maxProt = RX;
        }
        boolean countsWritable = shared && (maxProt == RWX || !rules.sealedReadOnlyShared());
        return Outcome.ok(new Mapping(new MemfdBacking(this, countsWritable), request.offset() >>> 12, maxProt));
    }

    void mappingOpened(boolean countsWritable) {
        if (countsWritable) {
            writableMappings++;
        }
    }

    void mappingClosed(boolean countsWritable) {
        if (countsWritable) {
            writableMappings--;
        }
    }

    /** A memfd has no ioctls: vfs_ioctl finds no unlocked_ioctl, ENOTTY. */
    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        return Outcome.err(Errno.ENOTTY);
    }

    /**
     * shmem_file_llseek: SEEK_SET, SEEK_CUR and SEEK_END as generic_file_llseek (a negative result
     * EINVAL); SEEK_DATA and SEEK_HOLE ENXIO outside the file, else the next allocated page or the
     * next hole (the size counts as one).
     */
    @Override
    public Outcome<Long> lseek(long offset, int whence) {
        long target;
        switch (whence) {
            case Mman.SEEK_SET -> target = offset;
            case Mman.SEEK_CUR -> target = position + offset;
            case Mman.SEEK_END -> target = size + offset;
            case Mman.SEEK_DATA, Mman.SEEK_HOLE -> {
                if (offset < 0 || offset >= size) {
                    return Outcome.err(Errno.ENXIO);
                }
                target = whence == Mman.SEEK_DATA ? nextData(offset) : nextHole(offset);
                if (target < 0) {
                    return Outcome.err(Errno.ENXIO);
                }
            }
            default -> {
                return Outcome.err(Errno.EINVAL);
            }
        }
        if (target < 0) {
            return Outcome.err(Errno.EINVAL);
        }
        position = target;
        return Outcome.ok(target);
    }

    private long nextData(long offset) {
        Map.Entry<Long, Page> next = pages.ceilingEntry(offset / Mman.PAGE_SIZE);
        if (next == null || next.getKey() >= pageCount()) {
            return -1;
        }
        return Math.max(offset, next.getKey() * Mman.PAGE_SIZE);
    }

    private long nextHole(long offset) {
        long index = offset / Mman.PAGE_SIZE;
        if (!pages.containsKey(index)) {
            return offset;
        }
        while (index < pageCount() && pages.containsKey(index)) {
            index++;
        }
        return Math.min(index * Mman.PAGE_SIZE, size);
    }

    /** A regular file polls as always ready: DEFAULT_POLLMASK. */
    @Override
    public int poll(int events) {
        return Mman.POLLIN | Mman.POLLOUT;
    }

    /** A regular file: MAX_LFS_FILESIZE. */
    @Override
    public long mmapSizeMax() {
        return Long.MAX_VALUE;
    }

    @Override
    public boolean writable() {
        return true;
    }

    @Override
    protected void release() {
        // The pages live as long as a mapping or a udmabuf holds them; the garbage collector does the rest.
    }

    @Override
    public String describe() {
        return "memfd \"" + name + "\" (" + size + " bytes, seals 0x" + Integer.toHexString(seals)
                + (pins > 0 ? ", pinned by " + pins + " udmabufs" : "") + ")";
    }
}
