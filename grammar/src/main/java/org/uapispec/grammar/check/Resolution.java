package org.uapispec.grammar.check;

import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.model.ValueType;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Value;

/**
 * What a name or a field in an expression stands for, as the checker resolved it against the
 * scope it was checked in. Lowering reads these instead of looking names up again: a binding is
 * the reference the engine resolves at run time, a constant or field a fixed value, a loop
 * variable the value of its column in the row being expanded.
 */
public sealed interface Resolution {

    /**
     * A name bound by a step.
     *
     * @param ref      the reference the model holds
     * @param producer the call that bound it
     * @param owner    the process whose resources it belongs to: the process itself for {@code spawn}
     *                 and {@code fork}, else the process the binding call ran in
     */
    record Bound(Value.Ref ref, Operation producer, Actor owner) implements Resolution {
    }

    /**
     * An indexed binding ({@code h[i]}), or a result field of one ({@code h[i].size}): which binding
     * is known once lowering has the value of the index in the row being expanded.
     *
     * @param name  the binding's name without index
     * @param index the index as written; null in the binding's own record, which uses copy
     * @param type  the value's type (the field's, for a field)
     * @param field the result field, {@code fd} for the descriptor's number, or null for the value
     * @param owner the process whose resources the values are
     */
    record Indexed(String name, Expr index, ValueType type, String field, Actor owner) implements Resolution {
    }

    /** A symbolic constant, or a result field of a binding ({@code h.size}): the same value in every row. */
    record Fixed(Value value) implements Resolution {
    }

    /** A loop variable: column {@code index} of the row of {@code loop} being expanded. */
    record Column(ForLoop loop, int index) implements Resolution {
    }
}
