package org.uapispec.api;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Linux releases whose answers a backend can give: the Debian kernels the kernel backend boots
 * ({@code linux/setup/setup-kernels.sh}) and the eras the reference device can answer as. A profile
 * that follows kernel eras ({@link ProfileName#followsKernelEras()}) answers as one of these; a spec
 * names an era in an outcome key ({@code generic@6.1+}) where kernels of one driver differ. Declared
 * oldest first: {@link #compareTo} orders them by release.
 */
public enum KernelEra {
    /** Debian 11 (bullseye). */
    V5_10("5.10"),
    /** Debian 12 (bookworm). */
    V6_1("6.1"),
    /** Debian 13 (trixie). */
    V6_12("6.12"),
    /** Debian's unstable suite at the time of writing. */
    V7_2("7.2");

    private static final List<String> TEXTS = Arrays.stream(values()).map(KernelEra::text).toList();

    private final String text;

    KernelEra(String text) {
        this.text = text;
    }

    /** The era as a spec and a configuration write it: {@code 6.12}. */
    public String text() {
        return text;
    }

    /** Whether this era is {@code other} or later. */
    public boolean atLeast(KernelEra other) {
        return compareTo(other) >= 0;
    }

    /** The newest era: what a profile answers as when no kernel era is asked for. */
    public static KernelEra newest() {
        return V7_2;
    }

    /** Every era as written, oldest first. */
    public static List<String> texts() {
        return TEXTS;
    }

    /** The era written {@code text} ({@code 6.1}), if there is one. */
    public static Optional<KernelEra> byText(String text) {
        for (KernelEra era : values()) {
            if (era.text.equals(text)) {
                return Optional.of(era);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
