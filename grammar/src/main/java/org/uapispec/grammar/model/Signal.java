package org.uapispec.grammar.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The signals a CPU access may be expected to raise; the names of the backend's {@code Signal}. */
public enum Signal {
    SIGBUS, SIGSEGV;

    public static Optional<Signal> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
