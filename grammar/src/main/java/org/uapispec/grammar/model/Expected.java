package org.uapispec.grammar.model;

import java.util.Objects;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;

/**
 * One acceptable outcome of a call step: success, an errno, any errno ({@code fails}), or a signal.
 * A refusal (the backend could not put the call to a kernel) is no answer and none accepts it.
 */
public sealed interface Expected {

    /** Whether the backend's answer is this outcome. */
    boolean accepts(Outcome<?> actual);

    record Ok() implements Expected {
        @Override
        public boolean accepts(Outcome<?> actual) {
            return actual.isOk();
        }

        @Override
        public String toString() {
            return "ok";
        }
    }

    record Fails(Errno errno) implements Expected {
        public Fails {
            Objects.requireNonNull(errno, "errno");
        }

        @Override
        public boolean accepts(Outcome<?> actual) {
            return actual instanceof Outcome.Err<?> err && err.errno() == errno;
        }

        @Override
        public String toString() {
            return errno.name();
        }
    }

    /**
     * {@code fails}: any errno, as IGT asserts of many calls that they fail and no more (a signal is
     * not a failure of the call, and success is not).
     */
    record AnyErrno() implements Expected {
        /** How a spec writes it. */
        public static final String WORD = "fails";

        @Override
        public boolean accepts(Outcome<?> actual) {
            return actual instanceof Outcome.Err<?>;
        }

        @Override
        public String toString() {
            return WORD;
        }
    }

    record Raises(Signal signal) implements Expected {
        public Raises {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public boolean accepts(Outcome<?> actual) {
            return actual instanceof Outcome.Sig<?> sig && sig.signal() == signal;
        }

        @Override
        public String toString() {
            return signal.name();
        }
    }
}
