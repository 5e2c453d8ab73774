package org.uapispec.grammar.lower;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.check.Actor;
import org.uapispec.grammar.check.Resolution;
import org.uapispec.grammar.model.Value;

/**
 * Where the expansion of loops stands: the row of each enclosing loop that is being expanded, with
 * its values lowered once. What a loop variable or an outcome column stands for comes from the
 * checker ({@link Resolution.Column}); this only says which row it is.
 */
final class Rows {
    /**
     * The row of a loop being expanded: its index, its values by column, its outcome as written
     * (alternatives or a per-profile block; null without an outcome column).
     */
    record Row(int index, List<Value> values, OutcomeClause outcome) {
    }

    private final Map<ForLoop, Row> current = new IdentityHashMap<>();

    void enter(ForLoop loop, Row row) {
        current.put(loop, row);
    }

    void leave(ForLoop loop) {
        current.remove(loop);
    }

    Value value(Resolution.Column column) {
        return current.get(column.loop()).values().get(column.index());
    }

    OutcomeClause outcome(ForLoop loop) {
        return current.get(loop).outcome();
    }

    /** The name of the process binding an actor stands for in the rows being expanded. */
    String process(Actor actor) {
        Actor at = actor;
        while (at instanceof Actor.ByRow byRow) {
            at = byRow.rows().get(current.get(byRow.loop()).index());
        }
        return ((Actor.Named) at).process();
    }
}
