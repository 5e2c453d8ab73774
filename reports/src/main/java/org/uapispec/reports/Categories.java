package org.uapispec.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.uapispec.api.FailureKind;

/**
 * The report's categories, one per kind of failure the engine reports (its {@code FailureKind},
 * which the engine writes as the label {@value #KIND_LABEL}), so a reader sees at once whether the
 * device answered a different errno, broke an invariant, or a spec file did not compile. Results
 * without that label (the Cucumber features', or a run that broke before a step) have the kind
 * {@value #NO_KIND}. Allure puts a result in every category that matches, so they are disjoint.
 */
public final class Categories {
    public static final String COMPILE_ERRORS = "Spec compile errors";
    public static final String INVARIANT_VIOLATIONS = "Invariant violations";
    public static final String ERRNO_MISMATCHES = "Errno mismatches";
    public static final String CHECK_FAILURES = "Check failures";
    public static final String REFUSED_VALUES = "Values a call cannot carry";
    public static final String DISAGREEMENTS = "Model and kernel disagree";
    public static final String KERNEL_WARNINGS = "Kernel warnings";
    public static final String BACKEND_ERRORS = "Backend errors";
    public static final String FEATURE_FAILURES = "Feature assertion failures";
    public static final String BROKEN = "Broken runs";

    /** The engine's label with the failure kind ({@code AllureRunListener.KIND_LABEL}). */
    static final String KIND_LABEL = "failure.kind";
    /** The kind of a result that has no {@value #KIND_LABEL} label. */
    static final String NO_KIND = "none";

    /** Every category, most specific first. */
    public static final List<Category> ALL = List.of(
            new Category(COMPILE_ERRORS, "A spec file did not compile: every diagnostic is in the message",
                    List.of("broken", "failed"), List.of(FailureKind.COMPILE_ERROR.name())),
            new Category(INVARIANT_VIOLATIONS, "An invariant of the spec stopped holding after a step",
                    List.of("failed"), List.of(FailureKind.INVARIANT_VIOLATED.name())),
            new Category(ERRNO_MISMATCHES, "A step returned another errno, success or signal than the spec expects",
                    List.of("failed"), List.of(FailureKind.ERRNO_MISMATCH.name())),
            new Category(CHECK_FAILURES, "A check on values or bytes was false",
                    List.of("failed"), List.of(FailureKind.CHECK_FAILED.name())),
            new Category(REFUSED_VALUES, "A step computed a value its call cannot carry: more bits than the"
                    + " uAPI field has, or a byte string past the language's limit",
                    List.of("failed"), List.of(FailureKind.REFUSED_VALUE.name())),
            new Category(DISAGREEMENTS, "On a run on both, the reference device answered a step, check or"
                    + " invariant differently from the kernel: the model is wrong, or misses the kernel's era",
                    List.of("failed"), List.of(FailureKind.DISAGREEMENT.name())),
            new Category(KERNEL_WARNINGS, "The kernel printed a WARN, an oops or a BUG while the scenario ran",
                    List.of("failed"), List.of(FailureKind.KERNEL_WARNING.name())),
            new Category(BACKEND_ERRORS, "The backend could not run the scenario: a kernel that did not boot,"
                    + " an agent that stopped answering",
                    List.of("broken"), List.of(FailureKind.BACKEND_ERROR.name())),
            new Category(FEATURE_FAILURES, "A Cucumber feature's assertion failed",
                    List.of("failed"), List.of(NO_KIND)),
            new Category(BROKEN, "A run that ended in an unexpected error",
                    List.of("broken"), List.of(FailureKind.INTERNAL_ERROR.name(), NO_KIND)));

    private Categories() {
    }

    /** Every category a result with this status and failure kind falls into (one, by design). */
    public static List<Category> classify(String status, String kind) {
        return ALL.stream().filter(c -> c.matches(status, kind)).toList();
    }

    /** A result's failure kind: its {@value #KIND_LABEL} label, or {@value #NO_KIND}. */
    static String kind(JsonNode result) {
        return Results.labels(result).getOrDefault(KIND_LABEL, Set.of()).stream().findFirst().orElse(NO_KIND);
    }
}
