package org.uapispec.grammar.lower;

import java.util.Optional;
import java.util.function.Supplier;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/**
 * Folds operators over constants ({@code 4 * PAGE}, {@code "ab" * 3}) so that the engine sees
 * plain numbers and bytes. Integers wrap at 64 bits, shifts by 64 or more give 0, comparisons are
 * unsigned: the semantics {@link Operator} documents for the engine.
 */
final class ConstantFolder {
    /** Repeats beyond this many bytes are left to the engine rather than built at compile time. */
    private static final long MAX_FOLDED_BYTES = 1 << 20;

    private ConstantFolder() {
    }

    static Optional<Value> unary(Operator op, Value operand, Supplier<String> text) {
        if (operand instanceof Value.Int i) {
            long value = op == Operator.NEGATE ? -i.value() : ~i.value();
            return Optional.of(new Value.Int(value, text.get(), ValueType.INT));
        }
        if (operand instanceof Value.Bool b && op == Operator.NOT) {
            return Optional.of(new Value.Bool(!b.value()));
        }
        return Optional.empty();
    }

    // The text is a supplier: printing the expression costs more than folding it, and most
    // expressions (names, fields) do not fold.
    static Optional<Value> binary(Operator op, Value left, Value right, ValueType type, Supplier<String> text) {
        if (left instanceof Value.Int l && right instanceof Value.Int r && type != ValueType.BOOL) {
            return Optional.of(new Value.Int(arithmetic(op, l.value(), r.value()), text.get(), type));
        }
        if (left instanceof Value.ByteString l && right instanceof Value.ByteString r && op == Operator.ADD) {
            return Optional.of(new Value.ByteString(l.bytes().concat(r.bytes())));
        }
        if (left instanceof Value.ByteString l && right instanceof Value.Int r && op == Operator.MUL
                && r.value() >= 0 && r.value() * Math.max(1, l.bytes().length()) <= MAX_FOLDED_BYTES) {
            return Optional.of(new Value.ByteString(l.bytes().repeat((int) r.value())));
        }
        return Optional.empty();
    }

    private static long arithmetic(Operator op, long l, long r) {
        switch (op) {
            case MUL:
                return l * r;
            case ADD:
                return l + r;
            case SUB:
                return l - r;
            case SHL:
                return Long.compareUnsigned(r, 64) >= 0 ? 0 : l << r;
            case SHR:
                return Long.compareUnsigned(r, 64) >= 0 ? 0 : l >>> r;
            case AND:
                return l & r;
            case OR:
                return l | r;
            default:
                throw new IllegalArgumentException("not an arithmetic operator: " + op);
        }
    }
}
