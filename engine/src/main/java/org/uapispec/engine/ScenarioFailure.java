package org.uapispec.engine;

import org.opentest4j.AssertionFailedError;

/**
 * A scenario did not behave as its spec says. It is an assertion failure, so IDEs show a failed
 * test with an expected/actual comparison, not an error. The subclasses name the kind of failure;
 * the report's categories still recognise it by its message's shape (see {@code reports/Categories}).
 */
abstract class ScenarioFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient Trace trace;
    private final String deviceState;

    ScenarioFailure(String message, Object expected, Object actual, Trace trace, String deviceState) {
        super(message, expected, actual);
        this.trace = trace;
        this.deviceState = deviceState;
    }

    /** No Java stack: the message points at the spec line, which is where the reader must look. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The steps run up to and including the failing one. */
    public Trace trace() {
        return trace;
    }

    /** The backend's state when the scenario failed. */
    public String deviceState() {
        return deviceState;
    }

    /** A step returned something its expectation does not allow (an errno mismatch, most often). */
    public static final class StepFailure extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        StepFailure(String message, Object expected, Object actual, Trace trace, String deviceState) {
            super(message, expected, actual, trace, deviceState);
        }
    }

    /** A {@code check} was false. */
    public static final class CheckFailure extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        CheckFailure(String message, Object expected, Object actual, Trace trace, String deviceState) {
            super(message, expected, actual, trace, deviceState);
        }
    }

    /** An invariant of the spec did not hold after a step. */
    public static final class InvariantViolation extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        InvariantViolation(String message, Trace trace, String deviceState) {
            super(message, true, false, trace, deviceState);
        }
    }
}
