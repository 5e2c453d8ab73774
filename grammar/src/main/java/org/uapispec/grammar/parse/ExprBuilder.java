package org.uapispec.grammar.parse;

import java.util.List;
import org.antlr.v4.runtime.tree.ParseTree;
import org.uapispec.grammar.ast.BinaryOp;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.UnaryOp;

/**
 * Builds expressions. Left-recursive operator chains ({@code 1 + 1 + ... + 1}) parse without deep
 * recursion but make a deep tree, so the builder counts its depth and stops at {@link #MAX_DEPTH}
 * with a diagnostic; every later stage can then recurse safely.
 */
final class ExprBuilder extends UapiParserBaseVisitor<Expr> {
    /** The deepest expression tree any stage has to walk. */
    static final int MAX_DEPTH = 200;

    private final TreeContext at;
    private StatementBuilder calls;
    private int depth;

    ExprBuilder(TreeContext at) {
        this.at = at;
    }

    void setCalls(StatementBuilder calls) {
        this.calls = calls;
    }

    /** The expression, or a placeholder {@code 0} after reporting that it is too deep. */
    Expr build(UapiParser.ExprContext ctx) {
        try {
            return visit(ctx);
        } catch (TooDeep e) {
            at.diagnostics.error(at.pos(ctx), "expression nested deeper than " + MAX_DEPTH + " levels");
            return new Expr.IntLit(at.pos(ctx), 0, "0");
        }
    }

    @Override
    public Expr visit(ParseTree tree) {
        if (++depth > MAX_DEPTH) {
            depth = 0;
            throw new TooDeep();
        }
        try {
            return super.visit(tree);
        } finally {
            depth = Math.max(0, depth - 1);
        }
    }

    @Override
    public Expr visitFieldExpr(UapiParser.FieldExprContext ctx) {
        return new Expr.Field(at.pos(ctx), visit(ctx.expr()), at.name(ctx.NAME()));
    }

    @Override
    public Expr visitUnaryExpr(UapiParser.UnaryExprContext ctx) {
        UnaryOp op = switch (ctx.op.getType()) {
            case UapiLexer.MINUS -> UnaryOp.NEGATE;
            case UapiLexer.TILDE -> UnaryOp.COMPLEMENT;
            default -> UnaryOp.NOT;
        };
        return new Expr.Unary(at.pos(ctx), op, visit(ctx.expr()));
    }

    @Override
    public Expr visitBinaryExpr(UapiParser.BinaryExprContext ctx) {
        BinaryOp op = BinaryOp.bySymbol(ctx.op.getText())
                .orElseThrow(() -> new IllegalStateException("operator without BinaryOp: " + ctx.op.getText()));
        return new Expr.Binary(at.pos(ctx.op), op, visit(ctx.expr(0)), visit(ctx.expr(1)));
    }

    @Override
    public Expr visitCallExpr(UapiParser.CallExprContext ctx) {
        return new Expr.CallExpr(at.pos(ctx), calls.call(ctx.call()));
    }

    @Override
    public Expr visitNameExpr(UapiParser.NameExprContext ctx) {
        return new Expr.NameRef(at.pos(ctx), ctx.getText());
    }

    @Override
    public Expr visitIntExpr(UapiParser.IntExprContext ctx) {
        return Literals.integer(at, ctx.INT());
    }

    @Override
    public Expr visitStringExpr(UapiParser.StringExprContext ctx) {
        return new Expr.StringLit(at.pos(ctx), Literals.string(at, ctx.STRING()));
    }

    @Override
    public Expr visitHexExpr(UapiParser.HexExprContext ctx) {
        return Literals.hex(at, ctx.HEXBYTES());
    }

    @Override
    public Expr visitBoolExpr(UapiParser.BoolExprContext ctx) {
        return new Expr.BoolLit(at.pos(ctx), ctx.TRUE() != null);
    }

    @Override
    public Expr visitListExpr(UapiParser.ListExprContext ctx) {
        List<Expr> items = ctx.expr().stream().map(this::visit).toList();
        return new Expr.ListLit(at.pos(ctx), items);
    }

    @Override
    public Expr visitParenExpr(UapiParser.ParenExprContext ctx) {
        return visit(ctx.expr());
    }

    /** Unwinds the builder when an expression is too deep; never leaves this class. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super(null, null, false, false);
        }
    }
}
