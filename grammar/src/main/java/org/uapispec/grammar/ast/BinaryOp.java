package org.uapispec.grammar.ast;

/** Infix operators with their precedence (higher binds tighter); all are left-associative. */
public enum BinaryOp {
    MUL("*", 9),
    DIV("/", 9),
    MOD("%", 9),
    ADD("+", 8),
    SUB("-", 8),
    SHL("<<", 7),
    SHR(">>", 7),
    AND("&", 6),
    OR("|", 5),
    EQ("==", 4),
    NE("!=", 4),
    LT("<", 4),
    LE("<=", 4),
    GT(">", 4),
    GE(">=", 4),
    AND_ALSO("&&", 3),
    OR_ELSE("||", 2);

    /** Prefix operators bind tighter than every infix operator. */
    public static final int UNARY_PRECEDENCE = 10;

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    public boolean isComparison() {
        return precedence == 4;
    }
}
