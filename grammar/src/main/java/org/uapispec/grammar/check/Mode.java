package org.uapispec.grammar.check;

/** Where an expression stands, which decides what it may contain. */
enum Mode {
    /** A call argument or a loop row: no calls. */
    VALUE,
    /** A check: observations and calls with a result (run as a step just before the check). */
    CHECK,
    /** An invariant: observations only, since it runs after every step. */
    INVARIANT
}
