package org.uapispec.grammar.ast;

import java.util.List;

/** Prints expressions, calls and outcomes, adding parentheses only where precedence needs them. */
final class ExprPrinter {
    private static final int FIELD_PRECEDENCE = BinaryOp.UNARY_PRECEDENCE + 1;

    private ExprPrinter() {
    }

    static String print(Expr expr) {
        StringBuilder out = new StringBuilder();
        print(expr, 0, out);
        return out.toString();
    }

    /**
     * Appends {@code expr} to {@code out}. Everything prints into one builder: lowering prints every
     * step for its display text, and a string per node would be most of that work.
     */
    static void print(Expr expr, int context, StringBuilder out) {
        if (expr instanceof Expr.Binary b) {
            boolean parens = b.op().precedence() < context;
            if (parens) {
                out.append('(');
            }
            print(b.left(), b.op().precedence(), out);
            out.append(' ').append(b.op().symbol()).append(' ');
            print(b.right(), b.op().precedence() + 1, out);
            if (parens) {
                out.append(')');
            }
        } else if (expr instanceof Expr.Unary u) {
            boolean parens = BinaryOp.UNARY_PRECEDENCE < context;
            if (parens) {
                out.append('(');
            }
            out.append(u.op().symbol());
            print(u.operand(), BinaryOp.UNARY_PRECEDENCE, out);
            if (parens) {
                out.append(')');
            }
        } else if (expr instanceof Expr.Field f) {
            print(f.target(), FIELD_PRECEDENCE, out);
            out.append('.').append(f.field().text());
        } else {
            atom(expr, out);
        }
    }

    private static void atom(Expr expr, StringBuilder out) {
        if (expr instanceof Expr.NameRef n) {
            out.append(n.name());
        } else if (expr instanceof Expr.Index x) {
            out.append(x.name().text()).append('[');
            print(x.index(), 0, out);
            out.append(']');
        } else if (expr instanceof Expr.IntLit i) {
            out.append(i.text());
        } else if (expr instanceof Expr.StringLit s) {
            quote(s.value(), out);
        } else if (expr instanceof Expr.HexLit h) {
            out.append("x\"");
            hexGroups(h.digits(), out);
            out.append('"');
        } else if (expr instanceof Expr.BoolLit b) {
            out.append(b.value());
        } else if (expr instanceof Expr.CallExpr c) {
            call(c.call(), out);
        } else {
            List<Expr> items = ((Expr.ListLit) expr).items();
            out.append('[');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                print(items.get(i), 0, out);
            }
            out.append(']');
        }
    }

    static String call(Call call) {
        StringBuilder out = new StringBuilder();
        call(call, out);
        return out.toString();
    }

    static void call(Call call, StringBuilder out) {
        out.append(call.callee().text()).append('(');
        List<Call.Arg> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            Call.Arg arg = args.get(i);
            if (i > 0) {
                out.append(", ");
            }
            if (arg.name() != null) {
                out.append(arg.name().text()).append(": ");
            }
            print(arg.value(), 0, out);
        }
        out.append(')');
    }

    static String outcome(OutcomeClause outcome) {
        StringBuilder out = new StringBuilder();
        outcome(outcome, out);
        return out.toString();
    }

    static void outcome(OutcomeClause outcome, StringBuilder out) {
        if (outcome instanceof OutcomeClause.Alternatives a) {
            List<Name> atoms = a.atoms();
            for (int i = 0; i < atoms.size(); i++) {
                if (i > 0) {
                    out.append(" | ");
                }
                out.append(atoms.get(i).text());
            }
        } else if (outcome instanceof OutcomeClause.PerProfile p) {
            out.append("{ ");
            for (int i = 0; i < p.cases().size(); i++) {
                OutcomeClause.ProfileCase c = p.cases().get(i);
                if (i > 0) {
                    out.append("  ");
                }
                for (int j = 0; j < c.keys().size(); j++) {
                    if (j > 0) {
                        out.append(", ");
                    }
                    OutcomeClause.ProfileKey key = c.keys().get(j);
                    out.append(key.profile().text());
                    if (key.era() != null) {
                        out.append(key.era().text());
                    }
                }
                out.append(": ");
                outcome(c.outcome(), out);
            }
            out.append(" }");
        } else {
            out.append("ok");
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        quote(text, out);
        return out.toString();
    }

    static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
        out.append('"');
    }

    private static void hexGroups(String digits, StringBuilder out) {
        for (int i = 0; i < digits.length(); i += 2) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(digits, i, Math.min(i + 2, digits.length()));
        }
    }
}
