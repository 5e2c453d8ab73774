package org.uapispec.grammar.ast;

/** Prefix operators. */
public enum UnaryOp {
    NEGATE("-"),
    COMPLEMENT("~"),
    NOT("!");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
