package org.uapispec.engine;

import org.opentest4j.AssertionFailedError;

/**
 * A scenario did not behave as its spec says. It is an assertion failure, so IDEs show a failed
 * test with an expected/actual comparison, not an error. It carries the {@link Failure} it was made
 * from; the subclasses let tests and IDEs tell the kinds apart, while reports read the kind from
 * the Allure label the listener writes ({@code failure.kind}), not from this class or its message.
 */
abstract class ScenarioFailure extends AssertionFailedError {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    ScenarioFailure(Failure failure) {
        super(failure.message(), failure.expected(), failure.actual());
        this.failure = failure;
    }

    /** The failure as a value, for reports. */
    static ScenarioFailure of(Failure failure) {
        switch (failure.kind()) {
            case ERRNO_MISMATCH:
            case REFUSED_VALUE:
                return new StepFailure(failure);
            case DISAGREEMENT:
                return new Disagreement(failure);
            case KERNEL_WARNING:
                return new KernelWarning(failure);
            case CHECK_FAILED:
                return new CheckFailure(failure);
            case INVARIANT_VIOLATED:
                return new InvariantViolation(failure);
            case INTERNAL_ERROR:
            case BACKEND_ERROR:
            case COMPILE_ERROR:
                throw new IllegalArgumentException(failure.kind() + " is not an assertion failure");
        }
        throw new AssertionError(failure.kind());
    }

    /** No Java stack: the message points at the spec line, which is where the reader must look. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The failure: kind, step, location, profile, expected, actual, trace and device state. */
    public Failure failure() {
        return failure;
    }

    /** A step returned something its expectation does not allow, or computed a value its call cannot carry. */
    public static final class StepFailure extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        StepFailure(Failure failure) {
            super(failure);
        }
    }

    /** A {@code check} was false. */
    public static final class CheckFailure extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        CheckFailure(Failure failure) {
            super(failure);
        }
    }

    /** An invariant of the spec did not hold after a step. */
    public static final class InvariantViolation extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        InvariantViolation(Failure failure) {
            super(failure);
        }
    }

    /** The model and the kernel answered a step, check or invariant differently. */
    public static final class Disagreement extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        Disagreement(Failure failure) {
            super(failure);
        }
    }

    /** The kernel printed a WARN, an oops or a BUG while the scenario ran. */
    public static final class KernelWarning extends ScenarioFailure {
        private static final long serialVersionUID = 1L;

        KernelWarning(Failure failure) {
            super(failure);
        }
    }
}
