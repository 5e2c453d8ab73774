package org.uapispec.reports;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One entry of Allure's {@code categories.json}: results with one of {@code matchedStatuses} whose
 * failure kind (the engine's {@code failure.kind} label, or {@link Categories#NO_KIND}) is one of
 * {@code kinds}. Allure matches categories only by message or trace text, so the assembler writes
 * the kind as the last line of each failed result's trace ({@link #marker}) and the category
 * matches that line: the kind comes from the label, never from the failure's own text.
 */
public record Category(String name, String description, List<String> matchedStatuses, List<String> kinds) {
    public Category {
        matchedStatuses = List.copyOf(matchedStatuses);
        kinds = List.copyOf(kinds);
    }

    /** Whether a result with this status and failure kind falls into this category. */
    public boolean matches(String status, String kind) {
        return matchedStatuses.contains(status) && kinds.contains(kind);
    }

    /** The trace line that names a result's kind, as the assembler appends it. */
    static String marker(String kind) {
        return Categories.KIND_LABEL + ": " + kind;
    }

    /** The {@code traceRegex} Allure matches against the whole trace: its last line names one of the kinds. */
    String traceRegex() {
        return "(?s)(.*\\n)?" + kinds.stream().map(k -> "\\Q" + marker(k) + "\\E").collect(Collectors.joining("|", "(?:", ")"));
    }
}
