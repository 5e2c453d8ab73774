package org.uapispec.grammar.check;

import java.util.Optional;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.ValueType;

/**
 * The result types of operators. Handles, names, magics and offsets count as their numbers in
 * arithmetic (to write bad values such as {@code h + 1}); an address plus or minus a number stays an
 * address, and the difference of two addresses is a number; {@code +} joins bytes and
 * {@code bytes * n} repeats them.
 */
public final class TypeRules {
    private TypeRules() {
    }

    public static Optional<ValueType> unary(Operator op, ValueType operand) {
        if (op == Operator.NOT) {
            return operand == ValueType.BOOL ? Optional.of(ValueType.BOOL) : Optional.empty();
        }
        return operand.isNumeric() ? Optional.of(ValueType.INT) : Optional.empty();
    }

    public static Optional<ValueType> binary(Operator op, ValueType left, ValueType right) {
        return switch (op) {
            case ADD -> add(left, right);
            case SUB -> subtract(left, right);
            case MUL -> left == ValueType.BYTES && right.isNumeric() ? Optional.of(ValueType.BYTES) : numeric(left, right);
            case DIV, MOD, SHL, SHR, AND, OR -> numeric(left, right);
            case EQ, NE -> comparable(left, right) ? Optional.of(ValueType.BOOL) : Optional.empty();
            case LT, LE, GT, GE -> ordered(left) && ordered(right) ? Optional.of(ValueType.BOOL) : Optional.empty();
            case AND_ALSO, OR_ELSE ->
                    left == ValueType.BOOL && right == ValueType.BOOL ? Optional.of(ValueType.BOOL) : Optional.empty();
            case NEGATE, COMPLEMENT, NOT -> Optional.empty();
        };
    }

    private static Optional<ValueType> add(ValueType left, ValueType right) {
        if (left == ValueType.BYTES && right == ValueType.BYTES) {
            return Optional.of(ValueType.BYTES);
        }
        if (left == ValueType.ADDR && right.isNumeric() || left.isNumeric() && right == ValueType.ADDR) {
            return Optional.of(ValueType.ADDR);
        }
        if (left == ValueType.OFFSET && right == ValueType.INT) {
            return Optional.of(ValueType.OFFSET);
        }
        return numeric(left, right);
    }

    private static Optional<ValueType> subtract(ValueType left, ValueType right) {
        if (left == ValueType.ADDR && right == ValueType.ADDR) {
            return Optional.of(ValueType.INT);
        }
        if (left == ValueType.ADDR && right.isNumeric()) {
            return Optional.of(ValueType.ADDR);
        }
        if (left == ValueType.OFFSET && right == ValueType.INT) {
            return Optional.of(ValueType.OFFSET);
        }
        return numeric(left, right);
    }

    private static Optional<ValueType> numeric(ValueType left, ValueType right) {
        return left.isNumeric() && right.isNumeric() ? Optional.of(ValueType.INT) : Optional.empty();
    }

    private static boolean comparable(ValueType left, ValueType right) {
        return left == right || ordered(left) && ordered(right);
    }

    private static boolean ordered(ValueType type) {
        return type.isNumeric() || type == ValueType.ADDR;
    }
}
