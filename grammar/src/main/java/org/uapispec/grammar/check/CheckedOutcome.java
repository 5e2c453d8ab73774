package org.uapispec.grammar.check;

import java.util.List;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.model.Expected;

/** An outcome as the checker resolved it: errnos, signals and {@code ok}, or a loop's outcome column. */
public sealed interface CheckedOutcome {

    /** The outcomes named, without repeats, in the order written. */
    record Fixed(List<Expected> expected) implements CheckedOutcome {
        public Fixed {
            expected = List.copyOf(expected);
        }
    }

    /** The outcome column of {@code loop}: the outcome of the row being expanded. */
    record Column(ForLoop loop) implements CheckedOutcome {
    }
}
