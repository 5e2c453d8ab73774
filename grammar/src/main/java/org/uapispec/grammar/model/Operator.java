package org.uapispec.grammar.model;

/**
 * Operators of model expressions. Integers are 64-bit and wrap; comparisons of integers and
 * addresses are unsigned (uAPI fields are u64); {@code +} on bytes concatenates and
 * {@code bytes * n} repeats.
 */
public enum Operator {
    NEGATE("-"), COMPLEMENT("~"), NOT("!"),
    MUL("*"), ADD("+"), SUB("-"), SHL("<<"), SHR(">>"), AND("&"), OR("|"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND_ALSO("&&"), OR_ELSE("||");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
