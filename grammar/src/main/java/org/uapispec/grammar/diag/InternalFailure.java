package org.uapispec.grammar.diag;

import org.uapispec.grammar.source.SourcePos;

/**
 * The compiler's own failures as diagnostics. Each stage runs every statement (and every scenario,
 * invariant and the spec as a whole) inside a narrow {@code try} that hands a
 * {@link RuntimeException} or {@link StackOverflowError} to {@link #report}: the file then fails to
 * compile with an error at the innermost construct that was being processed,
 * {@code internal compiler error while lowering this step: NegativeArraySizeException: -2147483648},
 * and the engine reports it as one failing test while the rest of the run goes on. Nothing wider
 * is caught: an {@link OutOfMemoryError} or any other {@link Error} still ends the run.
 */
public final class InternalFailure {
    /** Exception messages may print whole values; the diagnostic keeps their start. */
    private static final int MAX_DETAIL = 200;

    private InternalFailure() {
    }

    /**
     * Reports {@code failure} at {@code pos}.
     *
     * @param doing what was being done, e.g. {@code "lowering this step"}
     */
    public static void report(Diagnostics diagnostics, SourcePos pos, String doing, Throwable failure) {
        diagnostics.error(pos, message(doing, failure));
    }

    public static String message(String doing, Throwable failure) {
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage().replaceAll("\\s+", " ");
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return "internal compiler error while " + doing + ": " + failure.getClass().getSimpleName() + detail;
    }
}
