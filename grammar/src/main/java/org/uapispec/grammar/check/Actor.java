package org.uapispec.grammar.check;

import java.util.List;
import org.uapispec.grammar.ast.ForLoop;

/**
 * The process a call runs in, as the checker resolved it: its {@code by:} argument, its process
 * argument, or the owner of the resource its first argument names. Where that argument is a loop
 * variable, the process depends on the row, and the checker resolved it for each row.
 */
public sealed interface Actor {

    /** The process binding of this name. */
    record Named(String process) implements Actor {
    }

    /** The process of each row of {@code loop}, by row index. */
    record ByRow(ForLoop loop, List<Actor> rows) implements Actor {
        public ByRow {
            rows = List.copyOf(rows);
        }
    }
}
