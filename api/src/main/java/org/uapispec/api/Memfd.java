package org.uapispec.api;

/**
 * The constants of memfd_create(2) and of the seals fcntl(2) adds to a memfd
 * (include/uapi/linux/memfd.h, include/uapi/linux/fcntl.h): the memory a udmabuf is made of [105].
 */
public final class Memfd {
    /** {@code MFD_CLOEXEC}. */
    public static final int MFD_CLOEXEC = 0x1;
    /** {@code MFD_ALLOW_SEALING}: without it the memfd starts with F_SEAL_SEAL and takes no seal. */
    public static final int MFD_ALLOW_SEALING = 0x2;
    /** {@code MFD_HUGETLB}: a hugetlbfs file instead of shmem. */
    public static final int MFD_HUGETLB = 0x4;
    /** {@code MFD_NOEXEC_SEAL} (Linux 6.3): not executable, and sealable. */
    public static final int MFD_NOEXEC_SEAL = 0x8;
    /** {@code MFD_EXEC} (Linux 6.3): executable. */
    public static final int MFD_EXEC = 0x10;
    /** {@code MFD_NAME_MAX_LEN}: the longest name, in bytes; a longer one is EINVAL. */
    public static final int NAME_MAX_LEN = 249;

    /** {@code F_SEAL_SEAL}: no further seal may be added. */
    public static final int F_SEAL_SEAL = 0x1;
    /** {@code F_SEAL_SHRINK}: the file may not shrink; udmabuf requires it [105]. */
    public static final int F_SEAL_SHRINK = 0x2;
    /** {@code F_SEAL_GROW}: the file may not grow. */
    public static final int F_SEAL_GROW = 0x4;
    /** {@code F_SEAL_WRITE}: no write, no writable shared mapping; udmabuf refuses it [105]. */
    public static final int F_SEAL_WRITE = 0x8;
    /** {@code F_SEAL_FUTURE_WRITE} (Linux 5.1): no new writes; existing writable mappings stay. */
    public static final int F_SEAL_FUTURE_WRITE = 0x10;
    /** {@code F_SEAL_EXEC} (Linux 6.3): the exec bits of the mode are fixed. */
    public static final int F_SEAL_EXEC = 0x20;

    private Memfd() {
    }
}
