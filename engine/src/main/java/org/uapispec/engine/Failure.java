package org.uapispec.engine;

import java.util.List;
import java.util.Optional;
import org.uapispec.api.FailureKind;

/**
 * One failed run, as a value: what kind of failure it is, where (the step's {@code file:line:col},
 * or the spec file for a compile error), on which profile, the step's text, what was expected and
 * what came back, the steps run so far and the device state. Its message is rendered here and
 * nowhere else; reports read the same fields as structured data (see the Allure listener), never
 * the message text.
 *
 * @param location  {@code file:line:col} of the failing step, or the spec file for a compile error
 * @param profile   the profile the run was on; empty for a compile error
 * @param kernel    the kernel the run was on ({@code Linux 6.1.192-3 (6.1.0-57-amd64)}); empty on the model
 * @param step      the step's text; for an invariant violation, the step after which it broke
 * @param invariant for an invariant violation, {@code invariant 'name' (file:line:col: text)}; else empty
 * @param expected  what the spec expects, as the message prints it; for a disagreement, the model's answer
 * @param actual    what came back, as the message prints it (the diagnostic count for a compile error);
 *                  for a disagreement, the kernel's
 * @param trace     the steps run so far, one per line; empty for a compile error
 * @param state     the device state when the run failed; empty for a compile error
 * @param diagnostics a compile error's diagnostics, each with its position and caret line; else empty
 * @param kernelLog the kernel log lines printed while the run was on a kernel; else empty
 */
record Failure(FailureKind kind, String location, String profile, String kernel, String step, String invariant,
        String expected, String actual, String trace, String state, List<String> diagnostics, List<String> kernelLog) {
    public Failure {
        diagnostics = List.copyOf(diagnostics);
        kernelLog = List.copyOf(kernelLog);
    }

    /** The failure a throwable of the engine carries, if it is one. */
    public static Optional<Failure> of(Throwable thrown) {
        if (thrown instanceof ScenarioFailure failure) {
            return Optional.of(failure.failure());
        }
        if (thrown instanceof StepError error) {
            return Optional.of(error.failure());
        }
        if (thrown instanceof SpecCompileError error) {
            return Optional.of(error.failure());
        }
        return Optional.empty();
    }

    static Failure compileError(String file, List<String> diagnostics) {
        String count = diagnostics.size() + " diagnostic" + (diagnostics.size() == 1 ? "" : "s");
        return new Failure(FailureKind.COMPILE_ERROR, file, "", "", "", "", "a spec that compiles", count, "", "",
                diagnostics, List.of());
    }

    /** The message the test fails with: the one place failure text is put together. */
    public String message() {
        switch (kind) {
            case ERRNO_MISMATCH:
                return header() + "\n  expected: " + expected + "\n  actual:   " + actual + footer();
            case CHECK_FAILED:
                return header() + "\n  the check is " + actual + footer();
            case REFUSED_VALUE:
                return header() + "\n  " + actual + footer();
            case INVARIANT_VIOLATED:
                return invariant + " does not hold after the step at " + location + " on " + target() + ": " + step
                        + explanation() + footer();
            case DISAGREEMENT:
                return (invariant.isEmpty() ? header() : invariant + " after the step at " + location + " on " + target()
                        + ": " + step) + "\n  the model and the kernel disagree"
                        + "\n  model:  " + expected + "\n  kernel: " + actual + footer();
            case KERNEL_WARNING:
                return kernel + " warned while " + step + " (" + location + ") ran on " + profile + ":\n  " + actual
                        + footer();
            case BACKEND_ERROR:
                return (step.isEmpty() ? "the run at " + location : "step at " + location) + " on " + target()
                        + (step.isEmpty() ? "" : ": " + step) + " could not run:\n  " + actual + footer();
            case INTERNAL_ERROR:
                return "internal error at step " + location + " on " + target() + ": " + step + "\n  " + actual + footer();
            case COMPILE_ERROR:
                return location + " does not compile (" + actual + "):\n" + String.join("\n", diagnostics);
        }
        throw new AssertionError(kind);
    }

    /** What a false invariant's {@code actual} adds after {@code false}: the values it compared. */
    private String explanation() {
        return actual.startsWith("false") ? actual.substring("false".length()) : actual;
    }

    private String header() {
        return "step at " + location + " on " + target() + ": " + step;
    }

    /** What the run was on: {@code generic}, or {@code generic, Linux 6.1.192-3 (6.1.0-57-amd64)}. */
    private String target() {
        return kernel.isEmpty() ? profile : profile + ", " + kernel;
    }

    private String footer() {
        String log = kernel.isEmpty() ? "" : kernelLog.isEmpty() ? "kernel log: (no new lines)\n"
                : "kernel log:\n" + indent(String.join("\n", kernelLog));
        return "\nsteps run:\n" + trace + "device state:\n" + indent(state) + log;
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line).reduce("", (a, b) -> a + b + "\n");
    }
}
