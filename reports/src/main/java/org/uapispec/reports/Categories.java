package org.uapispec.reports;

import java.util.List;

/**
 * The report's categories. Allure puts a result in every category that matches, so they are
 * disjoint: the catch-alls exclude the message shapes of the others. They key on the engine's
 * failure messages
 * ({@code ScenarioFailure} and {@code SpecCompileError}), so a reader sees at once whether the device
 * answered a different errno, broke an invariant, or a spec file did not compile.
 */
public final class Categories {
    public static final String COMPILE_ERRORS = "Spec compile errors";
    public static final String INVARIANT_VIOLATIONS = "Invariant violations";
    public static final String ERRNO_MISMATCHES = "Errno mismatches";
    public static final String CHECK_FAILURES = "Check failures";
    public static final String REFUSED_VALUES = "Values a call cannot carry";
    public static final String FEATURE_FAILURES = "Feature assertion failures";
    public static final String BROKEN = "Broken runs";

    /** Every category, most specific first. */
    public static final List<Category> ALL = List.of(
            new Category(COMPILE_ERRORS, "A spec file did not compile: every diagnostic is in the message",
                    List.of("broken", "failed"), "(?s).* does not compile \\(.*"),
            new Category(INVARIANT_VIOLATIONS, "An invariant of the spec stopped holding after a step",
                    List.of("failed"), "(?s)invariant '.*' \\(.*\\) does not hold after the step at .*"),
            new Category(ERRNO_MISMATCHES, "A step returned another errno, success or signal than the spec expects",
                    List.of("failed"), "(?s)step at [^\\n]*\\n  expected: [^\\n]*\\n  actual: .*"),
            new Category(CHECK_FAILURES, "A check on values or bytes was false",
                    List.of("failed"), "(?s)step at [^\\n]*\\n  the check is false.*"),
            new Category(REFUSED_VALUES, "A step computed a value its call cannot carry: more bits than the"
                    + " uAPI field has, or a byte string past the language's limit",
                    List.of("failed"), "(?s)step at [^\\n]*\\n  (?!expected: |the check is false).*"),
            new Category(FEATURE_FAILURES, "A Cucumber feature's assertion failed",
                    List.of("failed"), "(?s)(?!step at |invariant '|[^\\n]* does not compile \\().*"),
            new Category(BROKEN, "A run that ended in an unexpected error",
                    List.of("broken"), "(?s)(?![^\\n]* does not compile \\().*"));

    private Categories() {
    }

    /** Every category a result with this status and message falls into (one, by design). */
    public static List<Category> classify(String status, String message) {
        return ALL.stream().filter(c -> c.matches(status, message)).toList();
    }
}
