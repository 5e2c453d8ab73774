package org.uapispec.api;

/** The mmap(2), mprotect(2) and lseek(2) constants, with their Linux values. */
public final class Mman {
    public static final long PAGE_SIZE = 4096;

    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int PROT_EXEC = 0x4;
    /** Accepted by mprotect on every architecture, and without effect (arch_validate_prot). */
    public static final int PROT_SEM = 0x8;
    /** mprotect: extend the change down to the start of a stack (VM_GROWSDOWN) mapping. */
    public static final int PROT_GROWSDOWN = 0x01000000;
    /** mprotect: extend the change up to the end of a VM_GROWSUP mapping (no such mapping on x86). */
    public static final int PROT_GROWSUP = 0x02000000;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    /** MAP_SHARED that refuses flags the file does not support (EOPNOTSUPP), Linux 4.15+. */
    public static final int MAP_SHARED_VALIDATE = 0x03;
    /** The bits that hold the mapping type. */
    public static final int MAP_TYPE = 0x0f;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_GROWSDOWN = 0x0100;
    public static final int MAP_HUGETLB = 0x40000;
    /** Only with MAP_SHARED_VALIDATE, only on DAX files. */
    public static final int MAP_SYNC = 0x80000;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    /** poll(2)'s bits (asm-generic/poll.h). */
    public static final int POLLIN = 0x1;
    public static final int POLLPRI = 0x2;
    public static final int POLLOUT = 0x4;
    public static final int POLLERR = 0x8;
    public static final int POLLHUP = 0x10;
    public static final int POLLNVAL = 0x20;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;
    public static final int SEEK_DATA = 3;
    public static final int SEEK_HOLE = 4;
    /** The largest whence lseek passes to the file (SEEK_MAX); above it ksys_lseek answers EINVAL. */
    public static final int SEEK_MAX = SEEK_HOLE;

    private Mman() {
    }
}
