package org.uapispec.api;

/**
 * What kind of failure a run of a spec ended in. The engine writes it with every failed result (the
 * Allure label {@code failure.kind}); the report's categories are these kinds. One definition for the
 * stage that writes it and the stage that reads it.
 */
public enum FailureKind {
    /** A step returned another errno, success or signal than the spec expects. */
    ERRNO_MISMATCH,
    /** A {@code check} was false. */
    CHECK_FAILED,
    /** An invariant of the spec stopped holding after a step. */
    INVARIANT_VIOLATED,
    /**
     * On a run on both the model and a kernel: a step, check or invariant where the reference device
     * answered differently from the kernel.
     */
    DISAGREEMENT,
    /** The kernel printed a WARN, an oops or a BUG while the scenario ran. */
    KERNEL_WARNING,
    /** A step computed a value its call cannot carry. */
    REFUSED_VALUE,
    /** The backend could not run the scenario: a kernel that does not boot, an agent that stopped answering. */
    BACKEND_ERROR,
    /** The engine, the evaluator or the backend broke at a step. */
    INTERNAL_ERROR,
    /** A spec file did not compile. */
    COMPILE_ERROR
}
