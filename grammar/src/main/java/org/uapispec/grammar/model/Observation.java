package org.uapispec.grammar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The side-effect-free questions checks and invariants may ask. Kept small and answerable on a real
 * kernel too: each names the probe a kernel backend would use.
 */
public enum Observation {
    /** The handle names an object in the file (a kernel backend probes with an ioctl that only looks the handle up). */
    VALID("valid", List.of(ValueType.FILE, ValueType.HANDLE), ValueType.BOOL),
    /** How many handles the file holds (fdinfo / debugfs on a kernel). */
    LIVE_OBJECTS("live_objects", List.of(ValueType.FILE), ValueType.INT),
    /** Whether the file's owner could mmap one page at the offset now (a probe mmap that is unmapped again). */
    CAN_MAP("can_map", List.of(ValueType.FILE, ValueType.OFFSET), ValueType.BOOL),
    /** Whether the address lies in a mapping of the process (/proc/pid/maps on a kernel). */
    MAPPED("mapped", List.of(ValueType.PROCESS, ValueType.ADDR), ValueType.BOOL);

    private final String languageName;
    private final List<ValueType> params;
    private final ValueType result;

    Observation(String languageName, List<ValueType> params, ValueType result) {
        this.languageName = languageName;
        this.params = params;
        this.result = result;
    }

    public String languageName() {
        return languageName;
    }

    /** The parameter types, positional only. */
    public List<ValueType> params() {
        return params;
    }

    public ValueType result() {
        return result;
    }

    public static Optional<Observation> byName(String name) {
        return Arrays.stream(values()).filter(o -> o.languageName.equals(name)).findFirst();
    }
}
