package org.uapispec.engine;

import org.uapispec.api.FailureKind;

/**
 * A step could not be run because the engine, the evaluator or the backend failed: a bug, not a
 * verdict on the device. The test ends in an error (not a failure) whose message names the step's
 * {@code file:line:col}, the profile and what broke, with the steps run so far and the device
 * state; the rest of the run goes on. The original exception is the cause, for whoever fixes it.
 */
final class StepError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    StepError(Failure failure, Throwable cause) {
        super(failure.message(), cause);
        this.failure = failure;
    }

    /**
     * The failure as a value (kind {@link FailureKind#INTERNAL_ERROR}, or {@link FailureKind#BACKEND_ERROR}
     * when a kernel did not boot or its agent stopped answering), for reports.
     */
    public Failure failure() {
        return failure;
    }
}
