package org.uapispec.grammar.check;

import java.util.LinkedHashSet;
import java.util.Set;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;

/** The names an expression refers to (bindings or constants; the caller filters). */
public final class Names {
    private Names() {
    }

    public static Set<String> referenced(Expr expr) {
        Set<String> names = new LinkedHashSet<>();
        collect(expr, names);
        return names;
    }

    private static void collect(Expr expr, Set<String> names) {
        if (expr instanceof Expr.NameRef ref) {
            names.add(ref.name());
        } else if (expr instanceof Expr.Field field) {
            collect(field.target(), names);
        } else if (expr instanceof Expr.Unary unary) {
            collect(unary.operand(), names);
        } else if (expr instanceof Expr.Binary binary) {
            collect(binary.left(), names);
            collect(binary.right(), names);
        } else if (expr instanceof Expr.ListLit list) {
            list.items().forEach(i -> collect(i, names));
        } else if (expr instanceof Expr.CallExpr call) {
            for (Call.Arg arg : call.call().args()) {
                collect(arg.value(), names);
            }
        }
    }
}
