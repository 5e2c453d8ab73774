package org.uapispec.grammar.lower;

import java.util.Optional;
import java.util.function.Supplier;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/**
 * Folds operators over constants ({@code 4 * PAGE}, {@code "ab" * 3}, {@code 1 << 64 == 0}) so that
 * the engine sees plain numbers, bytes and truth values. It has no arithmetic of its own: every
 * result comes from {@link Operator} and {@link Bytes}, the functions the engine evaluates with, so
 * a folded expression means what it would mean at run time.
 */
final class ConstantFolder {
    private ConstantFolder() {
    }

    static Optional<Value> unary(Operator op, Value operand, Supplier<String> text) {
        if (operand instanceof Value.Int i && op.kind() == Operator.Kind.UNARY_INT) {
            return Optional.of(new Value.Int(op.apply(i.value()), text.get(), ValueType.INT));
        }
        if (operand instanceof Value.Bool b && op == Operator.NOT) {
            return Optional.of(new Value.Bool(!b.value()));
        }
        return Optional.empty();
    }

    /**
     * The folded value, or empty when an operand is not a constant. The text is a supplier: printing
     * the expression costs more than folding it, and most expressions (names, fields) do not fold.
     *
     * @throws Bytes.TooLong when a constant repeat or join would exceed the limit on byte strings
     * @throws Operator.DivisionByZero when a constant is divided by a constant 0
     */
    static Optional<Value> binary(Operator op, Value left, Value right, ValueType type, Supplier<String> text) {
        if (left instanceof Value.Int l && right instanceof Value.Int r) {
            return Optional.of(ints(op, l.value(), r.value(), type, text));
        }
        if (left instanceof Value.Bool l && right instanceof Value.Bool r) {
            return bools(op, l.value(), r.value());
        }
        if (left instanceof Value.ByteString l && right instanceof Value.ByteString r) {
            return byteStrings(op, l.bytes(), r.bytes());
        }
        if (left instanceof Value.ByteString l && right instanceof Value.Int r && op == Operator.MUL) {
            return Optional.of(new Value.ByteString(l.bytes().repeat(r.value())));
        }
        return Optional.empty();
    }

    private static Value ints(Operator op, long l, long r, ValueType type, Supplier<String> text) {
        return op.kind() == Operator.Kind.COMPARISON ? new Value.Bool(op.compare(l, r))
                : new Value.Int(op.apply(l, r), text.get(), type);
    }

    private static Optional<Value> bools(Operator op, boolean l, boolean r) {
        return switch (op) {
            case EQ -> Optional.of(new Value.Bool(l == r));
            case NE -> Optional.of(new Value.Bool(l != r));
            case AND_ALSO -> Optional.of(new Value.Bool(l && r));
            case OR_ELSE -> Optional.of(new Value.Bool(l || r));
            case NEGATE, COMPLEMENT, NOT, MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, LT, LE, GT, GE -> Optional.empty();
        };
    }

    private static Optional<Value> byteStrings(Operator op, Bytes l, Bytes r) {
        return switch (op) {
            case ADD -> Optional.of(new Value.ByteString(l.concat(r)));
            case EQ -> Optional.of(new Value.Bool(l.equals(r)));
            case NE -> Optional.of(new Value.Bool(!l.equals(r)));
            case NEGATE, COMPLEMENT, NOT, MUL, DIV, MOD, SUB, SHL, SHR, AND, OR, LT, LE, GT, GE, AND_ALSO, OR_ELSE ->
                    Optional.empty();
        };
    }
}
