package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** Expressions: literals, names, fields, operators, calls and lists. */
public sealed interface Expr extends SyntaxNode {

    /** An integer literal; {@code text} keeps the spelling (hex stays hex when printed). */
    record IntLit(SourcePos pos, long value, String text) implements Expr {
    }

    /** {@code "abcd"}: bytes of the UTF-8 text, escapes already resolved. */
    record StringLit(SourcePos pos, String value) implements Expr {
    }

    /** {@code x"de ad be ef"}: bytes in hex; {@code digits} holds only the hex digits. */
    record HexLit(SourcePos pos, String digits) implements Expr {
    }

    record BoolLit(SourcePos pos, boolean value) implements Expr {
    }

    /** A binding, a loop variable or a symbolic constant; the checker decides which. */
    record NameRef(SourcePos pos, String name) implements Expr {
    }

    /**
     * {@code h[i]}: the binding {@code h} made at index {@code i}, an integer known before the run
     * (numbers, constants, loop variables).
     */
    record Index(SourcePos pos, Name name, Expr index) implements Expr {
    }

    /** {@code h.size}: a result field of the call that bound {@code h}. */
    record Field(SourcePos pos, Expr target, Name field) implements Expr {
    }

    record Unary(SourcePos pos, UnaryOp op, Expr operand) implements Expr {
    }

    /** A binary operation; the position is that of the operator. */
    record Binary(SourcePos pos, BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** A call inside a check or an invariant: an observation, or a call whose result is compared. */
    record CallExpr(SourcePos pos, Call call) implements Expr {
    }

    /** {@code [a, b, c]}: a list (execbuf objects). */
    record ListLit(SourcePos pos, List<Expr> items) implements Expr {
        public ListLit {
            items = List.copyOf(items);
        }
    }
}
