package org.uapispec.grammar.parse;

import org.antlr.v4.runtime.Token;
import org.uapispec.grammar.ast.BinaryOp;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.UnaryOp;

/**
 * Builds expressions. Left-recursive operator chains ({@code 1 + 1 + ... + 1}) parse without deep
 * recursion but make a deep tree, so the builder counts its depth and stops at {@link #MAX_DEPTH}
 * with a diagnostic; every later stage can then recurse safely.
 */
final class ExprBuilder {
    /** The deepest expression tree any stage has to walk. */
    static final int MAX_DEPTH = 200;

    private final TreeContext at;
    private StatementBuilder calls;
    /** Expressions being built, counted across the calls nested in them. */
    private int depth;

    ExprBuilder(TreeContext at) {
        this.at = at;
    }

    void setCalls(StatementBuilder calls) {
        this.calls = calls;
    }

    /** The expression, or a placeholder {@code 0} after reporting that it is too deep. */
    Expr build(UapiParser.ExprContext ctx) {
        int mark = at.mark();
        try {
            return expr(ctx);
        } catch (TooDeep e) {
            at.release(mark);
            at.diagnostics.error(at.pos(ctx), "expression nested deeper than " + MAX_DEPTH + " levels");
            return new Expr.IntLit(at.pos(ctx), 0, "0");
        }
    }

    private Expr expr(UapiParser.ExprContext child) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new TooDeep();
        }
        Expr built = node(child);
        depth = Math.max(0, depth - 1);
        return built;
    }

    /** One alternative of the {@code expr} rule, the most frequent first. */
    private Expr node(UapiParser.ExprContext ctx) {
        Token start = ctx.getStart();
        if (ctx instanceof UapiParser.NameExprContext) {
            return new Expr.NameRef(at.pos(start), at.text(start));
        } else if (ctx instanceof UapiParser.IntExprContext) {
            return Literals.integer(at, start);
        } else if (ctx instanceof UapiParser.FieldExprContext field) {
            return new Expr.Field(at.pos(start), expr(field.target), at.name(field.field));
        } else if (ctx instanceof UapiParser.BinaryExprContext binary) {
            // the node's position is the operator's
            return new Expr.Binary(at.pos(binary.op), binaryOp(binary.op), expr(binary.left), expr(binary.right));
        } else if (ctx instanceof UapiParser.IndexExprContext index) {
            return new Expr.Index(at.pos(start), at.name(index.name), expr(index.index));
        } else if (ctx instanceof UapiParser.CallExprContext call) {
            return new Expr.CallExpr(at.pos(start), calls.call(call.invocation));
        } else if (ctx instanceof UapiParser.StringExprContext) {
            return new Expr.StringLit(at.pos(start), Literals.string(at, start));
        } else if (ctx instanceof UapiParser.HexExprContext) {
            return Literals.hex(at, start);
        } else if (ctx instanceof UapiParser.BoolExprContext) {
            return new Expr.BoolLit(at.pos(start), start.getType() == UapiLexer.TRUE);
        } else if (ctx instanceof UapiParser.UnaryExprContext unary) {
            UnaryOp op = switch (unary.op.getType()) {
                case UapiLexer.MINUS -> UnaryOp.NEGATE;
                case UapiLexer.TILDE -> UnaryOp.COMPLEMENT;
                default -> UnaryOp.NOT;
            };
            return new Expr.Unary(at.pos(start), op, expr(unary.operand));
        } else if (ctx instanceof UapiParser.ListExprContext list) {
            int mark = at.mark();
            for (UapiParser.ExprContext item : list.items) {
                at.push(expr(item));
            }
            return new Expr.ListLit(at.pos(start), at.listFrom(mark));
        } else if (ctx instanceof UapiParser.ParenExprContext paren) {
            return expr(paren.inner);
        }
        throw new IllegalStateException("expression alternative without a builder: " + ctx.getClass().getSimpleName());
    }

    private static BinaryOp binaryOp(Token op) {
        switch (op.getType()) {
            case UapiLexer.STAR: return BinaryOp.MUL;
            case UapiLexer.SLASH: return BinaryOp.DIV;
            case UapiLexer.PERCENT: return BinaryOp.MOD;
            case UapiLexer.PLUS: return BinaryOp.ADD;
            case UapiLexer.MINUS: return BinaryOp.SUB;
            case UapiLexer.SHL: return BinaryOp.SHL;
            case UapiLexer.SHR: return BinaryOp.SHR;
            case UapiLexer.AMP: return BinaryOp.AND;
            case UapiLexer.PIPE: return BinaryOp.OR;
            case UapiLexer.EQ: return BinaryOp.EQ;
            case UapiLexer.NE: return BinaryOp.NE;
            case UapiLexer.LT: return BinaryOp.LT;
            case UapiLexer.LE: return BinaryOp.LE;
            case UapiLexer.GT: return BinaryOp.GT;
            case UapiLexer.GE: return BinaryOp.GE;
            case UapiLexer.ANDAND: return BinaryOp.AND_ALSO;
            case UapiLexer.OROR: return BinaryOp.OR_ELSE;
            default: throw new IllegalStateException("operator without BinaryOp: " + op.getText());
        }
    }

    /** Unwinds the builder when an expression is too deep; never leaves this class. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }
}
