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
    /** A step computed a value its call cannot carry. */
    REFUSED_VALUE,
    /** The engine, the evaluator or the backend broke at a step. */
    INTERNAL_ERROR,
    /** A spec file did not compile. */
    COMPILE_ERROR
}
