package org.uapispec.grammar.model;

import java.util.Objects;
import org.uapispec.api.Errno;
import org.uapispec.api.Signal;

/** One acceptable outcome of a call step: success, an errno, or a signal. */
public sealed interface Expected {

    record Ok() implements Expected {
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
        public String toString() {
            return errno.name();
        }
    }

    record Raises(Signal signal) implements Expected {
        public Raises {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public String toString() {
            return signal.name();
        }
    }
}
