package org.uapispec.grammar.check;

import java.util.Optional;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.model.Operation;

/**
 * A call that passed the checker: its operation and the argument given for each parameter, positional
 * and named arguments already matched to the call table. Lowering takes calls from here and does not
 * look them up or bind their arguments again.
 */
public final class CheckedCall {
    private final Operation operation;
    /** By parameter index, null where omitted; the last slot holds the {@code by} argument. */
    private final Call.Arg[] args;

    CheckedCall(Operation operation, Call.Arg[] args) {
        this.operation = operation;
        this.args = args;
    }

    public Operation operation() {
        return operation;
    }

    /** The argument given for the operation's parameter at {@code index}, or null when it was omitted. */
    public Expr given(int index) {
        Call.Arg arg = args[index];
        return arg == null ? null : arg.value();
    }

    /** The process given as {@code by:}, which runs a call on an fd in another process than its owner. */
    public Optional<Expr> by() {
        Call.Arg by = args[args.length - 1];
        return by == null ? Optional.empty() : Optional.of(by.value());
    }

    /** The value given for the operation's parameter {@code param}, or null when it was omitted. */
    Expr value(String param) {
        int index = CallChecker.indexOf(operation, param);
        return index < 0 ? null : given(index);
    }
}
