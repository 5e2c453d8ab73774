package org.uapispec.grammar.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Named constants, looked up in the space of the parameter they are passed to: {@code gtt} is
 * {@code I915_GEM_DOMAIN_GTT} (0x40) as a {@code set_domain} domain but {@code I915_MMAP_OFFSET_GTT}
 * (0) as an {@code mmap_offset} type. Values are the Linux ones (the backend's {@code Mman},
 * {@code DrmIoctl}, {@code I915Ioctl} and {@code DmaBufIoctl} constants).
 */
public enum SymbolSpace {
    /** Only the global constants. */
    NONE("a constant here", Map.of()),
    PROT("a prot constant", ordered("none", 0x0, "r", 0x1, "w", 0x2, "x", 0x4, "rw", 0x3, "rwx", 0x7,
            "READ", 0x1, "WRITE", 0x2, "EXEC", 0x4)),
    MAP("an mmap flag", ordered("shared", 0x01, "private", 0x02, "fixed", 0x10, "anonymous", 0x20, "fixed_noreplace", 0x100000)),
    USERPTR("a userptr flag", ordered("READ_ONLY", 0x1, "PROBE", 0x2, "GPU_MIRROR", 0x4, "UNSYNCHRONIZED", 0x80000000L)),
    PRIME("a prime flag", ordered("CLOEXEC", 0x80000, "RDWR", 0x2)),
    DOMAIN("a domain", ordered("cpu", 0x1, "gtt", 0x40)),
    MMAP_TYPE("an mmap_offset type", ordered("gtt", 0, "wc", 1, "wb", 2, "uc", 3, "fixed", 4)),
    GEM_MMAP("an mmap flag", ordered("WC", 0x1)),
    SYNC("a dma-buf sync flag", ordered("READ", 0x1, "WRITE", 0x2, "RW", 0x3, "START", 0x0, "END", 0x4)),
    WHENCE("a whence constant", ordered("SET", 0, "CUR", 1, "END", 2)),
    NODE("a node kind", ordered("card", 0, "render", 1));

    /** Constants valid everywhere an int is. */
    public static final Map<String, Long> GLOBALS = Map.of("PAGE", 4096L);

    private final String description;
    private final Map<String, Long> symbols;

    SymbolSpace(String description, Map<String, Long> symbols) {
        this.description = description;
        this.symbols = symbols;
    }

    /** What its constants are, for messages: {@code a prot constant}. */
    public String description() {
        return description;
    }

    /** Whether some space defines {@code name}: then using it elsewhere is a misplaced constant. */
    public static boolean anyDefines(String name) {
        return java.util.Arrays.stream(values()).anyMatch(s -> s.symbols.containsKey(name));
    }

    /** The symbols of this space in declaration order. */
    public Map<String, Long> symbols() {
        return symbols;
    }

    /** The value of {@code name} here or among the globals. */
    public Optional<Long> lookup(String name) {
        Long value = symbols.containsKey(name) ? symbols.get(name) : GLOBALS.get(name);
        return Optional.ofNullable(value);
    }

    private static Map<String, Long> ordered(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
