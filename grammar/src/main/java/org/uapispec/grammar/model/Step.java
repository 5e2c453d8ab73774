package org.uapispec.grammar.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.Errno;
import org.uapispec.grammar.source.SourcePos;

/**
 * One executable step. Loops are already expanded: a step inside a loop appears once per row, its
 * {@link #text()} showing the row's values.
 */
public sealed interface Step {
    /** Where the step is written. */
    SourcePos pos();

    /** The step as the spec writes it, for reports and failure messages. */
    String text();

    /** Its doc comment lines. */
    List<String> doc();

    /**
     * Whether the step is a requirement ({@code require}): when its call does not answer as
     * expected, or its condition is false, the run is skipped with the reason instead of failing.
     */
    boolean required();

    /** The errnos on which libdrm's drmIoctl makes an ioctl again: what {@code retry} repeats on. */
    Set<Errno> LIBDRM_RETRY = Set.of(Errno.EINTR, Errno.EAGAIN);

    /**
     * A call to the backend.
     *
     * @param actor     the process binding the call runs in; empty only for {@code spawn}
     * @param args      every parameter of the operation in table order, defaults filled in
     * @param binding   the name the primary result is bound to, or null. When the step fails as
     *                  expected on a profile the name stays unbound there; later steps and checks
     *                  that use it are then skipped on that profile, and invariants skip it too
     * @param retryOn   the errnos on which the call is made again until it answers something else
     *                  (empty: it is made once)
     */
    record CallStep(SourcePos pos, String text, List<String> doc, Operation operation, String actor,
            List<Argument> args, String binding, Expectation expected, Set<Errno> retryOn, boolean required)
            implements Step {
        public CallStep {
            Objects.requireNonNull(pos, "pos");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(operation, "operation");
            doc = List.copyOf(doc);
            args = List.copyOf(args);
            Objects.requireNonNull(expected, "expected");
            retryOn = Set.copyOf(retryOn);
        }

        public Optional<String> actorName() {
            return Optional.ofNullable(actor);
        }

        public Optional<String> bindingName() {
            return Optional.ofNullable(binding);
        }

        /** The argument for parameter {@code name}. */
        public Value arg(String name) {
            // A loop, not a stream: the engine asks for arguments on every step it runs.
            for (Argument a : args) {
                if (a.param().equals(name)) {
                    return a.value();
                }
            }
            throw new IllegalArgumentException(operation.languageName() + " has no " + name);
        }
    }

    /** A boolean condition over bindings and observations that must hold at this point. */
    record CheckStep(SourcePos pos, String text, List<String> doc, Value predicate, boolean required) implements Step {
        public CheckStep {
            Objects.requireNonNull(text, "text");
            doc = List.copyOf(doc);
        }
    }

    /** One argument of a call step. */
    record Argument(String param, Value value) {
    }
}
