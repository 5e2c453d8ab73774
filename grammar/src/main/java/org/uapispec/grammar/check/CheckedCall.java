package org.uapispec.grammar.check;

import java.util.Optional;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.model.Operation;

/**
 * A call that passed the checker: its operation, the argument given for each parameter (positional
 * and named arguments already matched to the call table) and the process it runs in. Lowering takes
 * calls from here and does not look them up, bind their arguments or find their process again.
 */
public final class CheckedCall {
    private final Operation operation;
    /** By parameter index, null where omitted; the last slot holds the {@code by} argument. */
    private final Call.Arg[] args;
    private final Actor actor;

    CheckedCall(Operation operation, Call.Arg[] args, Actor actor) {
        this.operation = operation;
        this.args = args;
        this.actor = actor;
    }

    public Operation operation() {
        return operation;
    }

    /** The process the call runs in; empty for {@code spawn}, which makes one. */
    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }

    /** The argument given for the operation's parameter at {@code index}, or null when it was omitted. */
    public Expr given(int index) {
        Call.Arg arg = args[index];
        return arg == null ? null : arg.value();
    }

    /** The value given for the operation's parameter {@code param}, or null when it was omitted. */
    Expr value(String param) {
        int index = CallChecker.indexOf(operation, param);
        return index < 0 ? null : given(index);
    }
}
