package org.uapispec.grammar.model;

/**
 * Operators of model expressions, and the one definition of what they do to integers: constant
 * folding at compile time and the engine at run time both call {@link #apply(long)},
 * {@link #apply(long, long)} and {@link #compare(long, long)}, so that {@code 1 << 64} is the same
 * number in both.
 *
 * <p>The rules follow the u64 fields of the uAPI: integers are 64 bits wide and wrap (two's
 * complement) on {@code -}, {@code +}, {@code *} and negation; {@code <<} and {@code >>} are logical
 * shifts by an unsigned count, and a count of 64 or more gives 0 (all bits shifted out; Java's own
 * shifts would take the count mod 64); {@code /} and {@code %} divide unsigned, and a divisor of 0 is
 * {@link DivisionByZero}; {@code <}, {@code <=}, {@code >}, {@code >=} compare unsigned.
 * On bytes, {@code +} joins and {@code bytes * n} repeats ({@link Bytes#concat}, {@link Bytes#repeat}).
 */
public enum Operator {
    NEGATE("-"), COMPLEMENT("~"), NOT("!"),
    MUL("*"), DIV("/"), MOD("%"), ADD("+"), SUB("-"), SHL("<<"), SHR(">>"), AND("&"), OR("|"),
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), AND_ALSO("&&"), OR_ELSE("||");

    /** What an operator takes and gives, which says which of the functions below applies. */
    public enum Kind {
        /** {@code -} and {@code ~}: int to int, {@link #apply(long)}. */
        UNARY_INT,
        /** {@code !}: bool to bool. */
        UNARY_BOOL,
        /** {@code * / % + - << >> & |}: two ints to an int, {@link #apply(long, long)}. */
        ARITHMETIC,
        /** {@code == != < <= > >=}: two values to a bool, on ints {@link #compare(long, long)}. */
        COMPARISON,
        /** {@code && ||}: two bools to a bool, short-circuit at run time. */
        LOGICAL
    }

    private static final int BITS = Long.SIZE;

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    // Exhaustive switches without default: a new operator fails the build until it has its rule.
    public Kind kind() {
        return switch (this) {
            case NEGATE, COMPLEMENT -> Kind.UNARY_INT;
            case NOT -> Kind.UNARY_BOOL;
            case MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR -> Kind.ARITHMETIC;
            case EQ, NE, LT, LE, GT, GE -> Kind.COMPARISON;
            case AND_ALSO, OR_ELSE -> Kind.LOGICAL;
        };
    }

    /** This prefix operator on an integer: negation wraps ({@code -MIN == MIN}), {@code ~} flips every bit. */
    public long apply(long operand) {
        return switch (this) {
            case NEGATE -> -operand;
            case COMPLEMENT -> ~operand;
            case NOT, MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, EQ, NE, LT, LE, GT, GE, AND_ALSO, OR_ELSE ->
                    throw notFor("an integer operand");
        };
    }

    /** This binary operator on two integers, by the rules in the class comment. */
    public long apply(long left, long right) {
        return switch (this) {
            case MUL -> left * right;
            case DIV -> Long.divideUnsigned(left, divisor(right));
            case MOD -> Long.remainderUnsigned(left, divisor(right));
            case ADD -> left + right;
            case SUB -> left - right;
            case SHL -> shiftedOut(right) ? 0 : left << right;
            case SHR -> shiftedOut(right) ? 0 : left >>> right;
            case AND -> left & right;
            case OR -> left | right;
            case NEGATE, COMPLEMENT, NOT, EQ, NE, LT, LE, GT, GE, AND_ALSO, OR_ELSE -> throw notFor("two integers");
        };
    }

    /** This comparison on two integers; the order ones compare unsigned. */
    public boolean compare(long left, long right) {
        return switch (this) {
            case EQ -> left == right;
            case NE -> left != right;
            case LT -> Long.compareUnsigned(left, right) < 0;
            case LE -> Long.compareUnsigned(left, right) <= 0;
            case GT -> Long.compareUnsigned(left, right) > 0;
            case GE -> Long.compareUnsigned(left, right) >= 0;
            case NEGATE, COMPLEMENT, NOT, MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, AND_ALSO, OR_ELSE ->
                    throw notFor("a comparison of integers");
        };
    }

    /** A divisor that is not 0. */
    private long divisor(long right) {
        if (right == 0) {
            throw new DivisionByZero(this);
        }
        return right;
    }

    /** {@code x / 0} or {@code x % 0}: the spec's own error, at compile time when both sides are constants. */
    public static final class DivisionByZero extends ArithmeticException {
        private static final long serialVersionUID = 1L;

        DivisionByZero(Operator op) {
            super((op == DIV ? "division" : "remainder") + " by zero");
        }
    }

    /** A shift count, read unsigned, that moves every bit out of 64. */
    private static boolean shiftedOut(long count) {
        return Long.compareUnsigned(count, BITS) >= 0;
    }

    private IllegalArgumentException notFor(String what) {
        return new IllegalArgumentException("operator '" + symbol + "' (" + name() + ") does not take " + what);
    }
}
