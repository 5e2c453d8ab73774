package org.uapispec.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.uapispec.api.Outcome;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Value;

/**
 * Matching backend outcomes against a step's expectations, and explaining false predicates. A
 * refusal ({@link Outcome.Refused}: the backend could not put the call to the kernel) is no kernel
 * answer, so it matches no expectation: the step fails whatever it expected, and its message shows
 * the outcome as {@code refused: <reason>} ({@code Outcome.Refused#toString}).
 */
final class Outcomes {
    private Outcomes() {
    }

    static boolean matches(List<Expected> expected, Outcome<?> actual) {
        if (actual instanceof Outcome.Refused) {
            return false;
        }
        return expected.stream().anyMatch(e -> e.accepts(actual));
    }

    /**
     * Whether two backends gave the same answer: success on both, or the same errno, or the same
     * signal. What a success returned is not compared: addresses, flink names and inode numbers are
     * each machine's own. A refusal is no answer, so it is the same as nothing.
     */
    static boolean sameAnswer(Outcome<?> one, Outcome<?> other) {
        if (one instanceof Outcome.Ok<?>) {
            return other instanceof Outcome.Ok<?>;
        }
        if (one instanceof Outcome.Err<?> err) {
            return other instanceof Outcome.Err<?> e && e.errno() == err.errno();
        }
        if (one instanceof Outcome.Sig<?> sig) {
            return other instanceof Outcome.Sig<?> s && s.signal() == sig.signal();
        }
        return false;
    }

    static String describe(List<Expected> expected) {
        return expected.stream().map(Expected::toString).collect(Collectors.joining(" | "));
    }

    /** For a false comparison, both sides' values: {@code (left: ok, right: "abcd")}. */
    static String explain(Value predicate, Evaluator eval) {
        if (predicate instanceof Value.Binary binary && isComparison(binary.op())) {
            try {
                return " (left: " + Values.show(eval.eval(binary.left())) + ", right: "
                        + Values.show(eval.eval(binary.right())) + ")";
            } catch (RuntimeException e) {
                return "";
            }
        }
        return "";
    }

    private static boolean isComparison(Operator op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> true;
            case NEGATE, COMPLEMENT, NOT, MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, AND_ALSO, OR_ELSE -> false;
        };
    }
}
