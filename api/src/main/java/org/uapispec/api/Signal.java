package org.uapispec.api;

import java.util.Arrays;
import java.util.Optional;

/** The signals a CPU access can raise, as outcomes a scenario can expect like an errno. */
public enum Signal {
    /** Bus error: the mapping exists but its backing object is gone or refused the fault. */
    SIGBUS(7),
    /** Segmentation fault: no mapping at the address, or the access lacks permission. */
    SIGSEGV(11);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Every name: the signals a spec may expect. */
    public static java.util.List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }

    /** The signal with this name ({@code "SIGSEGV"}), if there is one. */
    public static Optional<Signal> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
