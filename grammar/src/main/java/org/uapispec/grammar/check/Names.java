package org.uapispec.grammar.check;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;

/** The names an expression refers to (bindings or constants; the caller filters). */
public final class Names {
    private Names() {
    }

    public static Set<String> referenced(Expr expr) {
        Set<String> names = new LinkedHashSet<>();
        forEach(expr, names::add);
        return names;
    }

    /**
     * Gives {@code action} every name {@code expr} refers to, in source order and as often as it
     * occurs: for callers that only act on each name, without building the set.
     */
    static void forEach(Expr expr, Consumer<String> action) {
        if (expr instanceof Expr.NameRef ref) {
            action.accept(ref.name());
        } else if (expr instanceof Expr.Field field) {
            forEach(field.target(), action);
        } else if (expr instanceof Expr.Index index) {
            action.accept(index.name().text());
            forEach(index.index(), action);
        } else if (expr instanceof Expr.Unary unary) {
            forEach(unary.operand(), action);
        } else if (expr instanceof Expr.Binary binary) {
            forEach(binary.left(), action);
            forEach(binary.right(), action);
        } else if (expr instanceof Expr.ListLit list) {
            for (Expr item : list.items()) {
                forEach(item, action);
            }
        } else if (expr instanceof Expr.CallExpr call) {
            for (Call.Arg arg : call.call().args()) {
                forEach(arg.value(), action);
            }
        }
    }
}
