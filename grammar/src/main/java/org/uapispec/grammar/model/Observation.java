package org.uapispec.grammar.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The side-effect-free questions checks and invariants may ask, one to one with the observation
 * methods of the backend interface, so that a real kernel can answer them too; the engine's
 * evaluator binds each to its method in an exhaustive switch. Like a call on an
 * fd, an observation on a file runs in the process that owns the file.
 */
public enum Observation {
    /** The handle names an object in the file ({@code Backend.handleValid}; a kernel probes with GEM_BUSY). */
    VALID("valid", List.of(ValueType.FILE, ValueType.HANDLE), ValueType.BOOL),
    /** How many handles the file holds ({@code Backend.handleCount}; the file's fdinfo on a kernel). */
    LIVE_OBJECTS("live_objects", List.of(ValueType.FILE), ValueType.INT),
    /** Whether the address lies in a mapping of the process ({@code Backend.mapped}; /proc/pid/maps). */
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
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** By language name: asked for every call in an expression, when checking and when lowering. */
    private static final Map<String, Observation> BY_NAME = byLanguageName();

    private static Map<String, Observation> byLanguageName() {
        Map<String, Observation> byName = new HashMap<>();
        for (Observation observation : values()) {
            byName.put(observation.languageName, observation);
        }
        return Map.copyOf(byName);
    }
}
