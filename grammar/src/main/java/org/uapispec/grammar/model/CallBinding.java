package org.uapispec.grammar.model;

import org.uapispec.api.Outcome;

/**
 * How one {@link Operation} is put to the backend: which method or ioctl record its arguments
 * become, and which of the result's values the step binds. Written as code beside the call table's
 * entry, so that the compiler checks it against the api.
 */
@FunctionalInterface
public interface CallBinding {
    Outcome<CallResult> call(CallSite site);
}
