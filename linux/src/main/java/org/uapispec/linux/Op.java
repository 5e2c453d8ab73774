package org.uapispec.linux;

/**
 * The operations of the agent's protocol (../PROTOCOL.md), with the number of fixed 64-bit
 * arguments each takes and whether bytes follow them. The agent checks the same table and answers
 * EPROTO for a payload of another size.
 */
enum Op {
    PING(1, 0, false),
    SPAWN(2, 0, false),
    FORK(3, 0, false),
    EXIT(4, 0, false),
    SETIDS(5, 2, false),
    OPEN(6, 2, true),
    CLOSE(7, 1, false),
    IOCTL(8, 3, true),
    MMAP(9, 6, false),
    MUNMAP(10, 2, false),
    MPROTECT(11, 3, false),
    LSEEK(12, 3, false),
    READ_MEM(13, 2, false),
    WRITE_MEM(14, 1, true),
    MAPPED(15, 1, false),
    SEND_FD(16, 2, false),
    KMSG(17, 1, false),
    READ_FD(18, 2, false),
    CAPGET(19, 0, false),
    CAPSET(20, 3, false),
    PRCTL(21, 5, false),
    POLL(22, 2, false),
    MEMFD_CREATE(23, 1, true),
    FTRUNCATE(24, 2, false),
    FCNTL(25, 3, false);

    private final int code;
    private final int argumentCount;
    private final boolean takesBytes;

    Op(int code, int argumentCount, boolean takesBytes) {
        this.code = code;
        this.argumentCount = argumentCount;
        this.takesBytes = takesBytes;
    }

    int code() {
        return code;
    }

    int argumentCount() {
        return argumentCount;
    }

    boolean takesBytes() {
        return takesBytes;
    }
}
