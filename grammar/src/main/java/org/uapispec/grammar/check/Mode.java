package org.uapispec.grammar.check;

/** Where an expression stands, which decides what it may contain. */
enum Mode {
    /** A loop row: no calls. */
    VALUE,
    /**
     * A call's argument: observations and calls with a result, each run as a step (expected to
     * succeed) just before the call it is nested in.
     */
    ARGUMENT,
    /** A check: observations and calls with a result (run as a step just before the check). */
    CHECK,
    /** An invariant: observations only, since it runs after every step. */
    INVARIANT
}
