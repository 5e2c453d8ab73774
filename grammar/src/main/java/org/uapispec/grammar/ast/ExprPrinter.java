package org.uapispec.grammar.ast;

import java.util.List;
import java.util.stream.Collectors;

/** Prints expressions, calls and outcomes, adding parentheses only where precedence needs them. */
final class ExprPrinter {
    private static final int FIELD_PRECEDENCE = BinaryOp.UNARY_PRECEDENCE + 1;

    private ExprPrinter() {
    }

    static String print(Expr expr) {
        return print(expr, 0);
    }

    private static String print(Expr expr, int context) {
        if (expr instanceof Expr.Binary b) {
            String text = print(b.left(), b.op().precedence()) + " " + b.op().symbol() + " "
                    + print(b.right(), b.op().precedence() + 1);
            return b.op().precedence() < context ? "(" + text + ")" : text;
        }
        if (expr instanceof Expr.Unary u) {
            String text = u.op().symbol() + print(u.operand(), BinaryOp.UNARY_PRECEDENCE);
            return BinaryOp.UNARY_PRECEDENCE < context ? "(" + text + ")" : text;
        }
        if (expr instanceof Expr.Field f) {
            return print(f.target(), FIELD_PRECEDENCE) + "." + f.field().text();
        }
        return atom(expr);
    }

    private static String atom(Expr expr) {
        if (expr instanceof Expr.IntLit i) {
            return i.text();
        } else if (expr instanceof Expr.StringLit s) {
            return quote(s.value());
        } else if (expr instanceof Expr.HexLit h) {
            return "x\"" + hexGroups(h.digits()) + "\"";
        } else if (expr instanceof Expr.BoolLit b) {
            return Boolean.toString(b.value());
        } else if (expr instanceof Expr.NameRef n) {
            return n.name();
        } else if (expr instanceof Expr.CallExpr c) {
            return call(c.call());
        } else if (expr instanceof Expr.ListLit l) {
            return l.items().stream().map(ExprPrinter::print).collect(Collectors.joining(", ", "[", "]"));
        }
        throw new IllegalStateException("not an atom: " + expr);
    }

    static String call(Call call) {
        // A builder, not a stream: lowering prints every call step for its display text.
        StringBuilder out = new StringBuilder(call.callee().text()).append('(');
        List<Call.Arg> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            Call.Arg arg = args.get(i);
            if (i > 0) {
                out.append(", ");
            }
            if (arg.name() != null) {
                out.append(arg.name().text()).append(": ");
            }
            out.append(print(arg.value()));
        }
        return out.append(')').toString();
    }

    static String outcome(OutcomeClause outcome) {
        if (outcome instanceof OutcomeClause.Alternatives a) {
            return a.atoms().stream().map(Name::text).collect(Collectors.joining(" | "));
        } else if (outcome instanceof OutcomeClause.PerProfile p) {
            return p.cases().stream()
                    .map(c -> c.profiles().stream().map(Name::text).collect(Collectors.joining(", "))
                            + ": " + outcome(c.outcome()))
                    .collect(Collectors.joining("  ", "{ ", " }"));
        }
        return "ok";
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\0' -> out.append("\\0");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String hexGroups(String digits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(digits, i, Math.min(i + 2, digits.length()));
        }
        return out.toString();
    }
}
