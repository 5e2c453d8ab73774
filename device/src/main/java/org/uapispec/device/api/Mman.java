package org.uapispec.device.api;

/** The mmap(2), mprotect(2) and lseek(2) constants, with their Linux values. */
public final class Mman {
    public static final long PAGE_SIZE = 4096;

    public static final int PROT_NONE = 0x0;
    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int PROT_EXEC = 0x4;

    public static final int MAP_SHARED = 0x01;
    public static final int MAP_PRIVATE = 0x02;
    public static final int MAP_FIXED = 0x10;
    public static final int MAP_ANONYMOUS = 0x20;
    public static final int MAP_FIXED_NOREPLACE = 0x100000;

    public static final int SEEK_SET = 0;
    public static final int SEEK_CUR = 1;
    public static final int SEEK_END = 2;

    private Mman() {
    }
}
