package org.uapispec.engine;

import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.Outcome;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Value;

/**
 * Evaluates model values against the bindings of a run. What an operator does to integers and
 * bytes is defined once, in the grammar's {@link Operator} and {@link Bytes} (the functions constant
 * folding uses too): integers are 64-bit and wrap, shifts by 64 or more give 0, comparisons are
 * unsigned (uAPI fields are u64). A name that is not bound raises {@link Bindings.Unbound}; a repeat or
 * join of bytes beyond {@link Bytes#MAX_LENGTH} raises {@link Bytes.TooLong}.
 */
final class Evaluator {
    private final Bindings env;
    private final Backend backend;
    private final Lineage lineage;

    Evaluator(Bindings env, Backend backend, Lineage lineage) {
        this.env = env;
        this.backend = backend;
        this.lineage = lineage;
    }

    Object eval(Value value) {
        if (value instanceof Value.Int i) {
            return i.value();
        }
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        if (value instanceof Value.ByteString s) {
            return s.bytes();
        }
        if (value instanceof Value.Ref r) {
            return env.get(r.name());
        }
        if (value instanceof Value.Field f) {
            return env.field(f.binding(), f.field());
        }
        if (value instanceof Value.DescriptorNumber d) {
            return (long) Values.asFile(eval(d.descriptor())).fd().value();
        }
        if (value instanceof Value.Unary u) {
            return unary(u.op(), eval(u.operand()));
        }
        if (value instanceof Value.Binary b) {
            return binary(b.op(), b.left(), b.right());
        }
        if (value instanceof Value.ListOf l) {
            return l.items().stream().map(this::eval).toList();
        }
        if (value instanceof Value.Observe o) {
            return observe(o);
        }
        if (value instanceof Value.None) {
            return FileRef.NONE;
        }
        throw new IllegalStateException("unknown value " + value);
    }

    boolean test(Value predicate) {
        return Values.asBool(eval(predicate));
    }

    private static Object unary(Operator op, Object operand) {
        return op == Operator.NOT ? !Values.asBool(operand) : op.apply(Values.asLong(operand));
    }

    private Object binary(Operator op, Value leftValue, Value rightValue) {
        if (op == Operator.AND_ALSO) {
            return test(leftValue) && test(rightValue);
        }
        if (op == Operator.OR_ELSE) {
            return test(leftValue) || test(rightValue);
        }
        Object left = eval(leftValue);
        Object right = eval(rightValue);
        return switch (op) {
            case EQ -> Values.same(left, right);
            case NE -> !Values.same(left, right);
            case LT, LE, GT, GE -> op.compare(Values.asLong(left), Values.asLong(right));
            case MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, NEGATE, COMPLEMENT, NOT, AND_ALSO, OR_ELSE ->
                    arithmetic(op, left, right);
        };
    }

    /** Bytes join and repeat; integers go to the operator's one definition. */
    private static Object arithmetic(Operator op, Object left, Object right) {
        if (left instanceof Bytes bytes) {
            if (op == Operator.ADD) {
                return bytes.concat(Values.asBytes(right));
            }
            if (op == Operator.MUL) {
                return bytes.repeat(Values.asLong(right));
            }
        }
        return op.apply(Values.asLong(left), Values.asLong(right));
    }

    private Object observe(Value.Observe o) {
        List<Object> args = o.args().stream().map(this::eval).toList();
        return switch (o.observation()) {
            case VALID -> {
                FileRef file = Values.asFile(args.get(0));
                yield orFalse(backend.handleValid(lineage.holder(file), file.fd(), Values.asHandle(args.get(1))));
            }
            case LIVE_OBJECTS -> {
                FileRef file = Values.asFile(args.get(0));
                Outcome<Integer> count = backend.handleCount(lineage.holder(file), file.fd());
                yield count.isOk() ? (long) count.value() : 0L;
            }
            case MAPPED -> orFalse(backend.mapped(Values.asPid(args.get(0)), Values.asLong(args.get(1))));
        };
    }

    private static boolean orFalse(Outcome<Boolean> outcome) {
        return outcome.isOk() && outcome.value();
    }
}
