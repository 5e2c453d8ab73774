package org.uapispec.grammar.model;

import java.util.List;

/** The profile names the language knows (DESIGN.md, "profiles"). */
public final class Profiles {
    /** In the order reports list them. */
    public static final List<String> KNOWN =
            List.of("generic", "i915-2014", "i915-2019", "i915", "i915-mmap-forward", "exynos-2012");

    private Profiles() {
    }

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }
}
