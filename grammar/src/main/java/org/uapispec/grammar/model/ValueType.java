package org.uapispec.grammar.model;

import java.util.Set;

/**
 * The types of the language. The resource types mirror the backend's: a process is a {@code Pid},
 * a file and a dma-buf are an {@code Fd}, a handle a {@code Handle}, a name a {@code FlinkName}, a
 * magic a {@code Magic}, an offset an {@code MmapOffset}, an address a {@code long}.
 */
public enum ValueType {
    PROCESS("process"),
    FILE("file"),
    HANDLE("handle"),
    FLINK_NAME("name"),
    MAGIC("magic"),
    OFFSET("offset"),
    DMABUF("dmabuf"),
    /** A memfd (memfd_create): a shmem file, the memory of a udmabuf. */
    MEMFD("memfd"),
    ADDR("addr"),
    INT("int"),
    BOOL("bool"),
    BYTES("bytes"),
    HANDLE_LIST("list of handle"),
    /** A list of ints; also a list of raw handles or fds where one is expected. */
    INT_LIST("list of int"),
    MEMFD_LIST("list of memfd"),
    /** The absent fd of an anonymous mmap ({@code Fd.NONE}); only ever a default. */
    NONE("none");

    /**
     * Resources whose raw number may be written as an int, to test bad values (catalogue 15): a handle
     * never given, fd 9999, a DRM file's number where a dma-buf goes ({@code dmabuf: f.fd}).
     */
    private static final Set<ValueType> RAW_INT_ALLOWED = Set.of(HANDLE, FLINK_NAME, MAGIC, OFFSET, ADDR, FILE, DMABUF, MEMFD);

    private final String spelling;

    ValueType(String spelling) {
        this.spelling = spelling;
    }

    /** How the type is written in messages and in the README. */
    public String spelling() {
        return spelling;
    }

    /** Whether an int expression may stand for a value of this type. */
    public boolean acceptsRawInt() {
        return RAW_INT_ALLOWED.contains(this);
    }

    /** Whether arithmetic treats the value as its number (handles, names, magics and offsets). */
    public boolean isNumeric() {
        return this == INT || RAW_INT_ALLOWED.contains(this) && this != ADDR && !isDescriptor();
    }

    /**
     * Whether the value is a file descriptor of a process (a file, a dma-buf, a memfd): written as a raw
     * number it names no process, and its number is its field {@code fd}.
     */
    public boolean isDescriptor() {
        return this == FILE || this == DMABUF || this == MEMFD;
    }

    /** Whether the value is a kernel object owned by a process (it can be closed or exited). */
    public boolean isClosable() {
        return this == PROCESS || this == FILE || this == HANDLE || this == DMABUF || this == MEMFD;
    }

    /** Whether the type is a list, whose items are written {@code [a, b]}. */
    public boolean isList() {
        return this == HANDLE_LIST || this == INT_LIST || this == MEMFD_LIST;
    }

    @Override
    public String toString() {
        return spelling;
    }
}
