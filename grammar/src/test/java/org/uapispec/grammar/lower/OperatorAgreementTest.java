package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;

/**
 * Constant folding and run time agree on every operator: each {@code a OP b} over a table of edge
 * values, folded by the compiler, equals what {@link Operator}'s functions (which the engine
 * evaluates with) give for it.
 */
class OperatorAgreementTest {
    private static final long[] EDGES = {0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 4096, 1L << 32, (1L << 32) - 1,
        (1L << 32) + 1, -1, -64, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, 0x4000000080000000L};

    /** The literal of an edge value; the language has unsigned literals only, so -1 is 0xffffffffffffffff. */
    private static String literal(long value) {
        return "0x" + Long.toHexString(value);
    }

    @ParameterizedTest
    @EnumSource(value = Operator.Kind.class, names = {"ARITHMETIC", "COMPARISON"})
    void binaryOperatorsOnIntegers(Operator.Kind kind) {
        for (Operator op : Operator.values()) {
            if (op.kind() != kind) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            List<Object> expected = new ArrayList<>();
            for (long a : EDGES) {
                for (long b : EDGES) {
                    if ((op == Operator.DIV || op == Operator.MOD) && b == 0) {
                        continue; // a compile error, below
                    }
                    texts.add(literal(a) + " " + op.symbol() + " " + literal(b));
                    expected.add(kind == Operator.Kind.COMPARISON ? (Object) op.compare(a, b) : (Object) op.apply(a, b));
                }
            }
            assertThat(folded(texts, kind == Operator.Kind.COMPARISON)).as(op.name()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"NEGATE", "COMPLEMENT"})
    void prefixOperatorsOnIntegers(Operator op) {
        List<String> texts = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (long a : EDGES) {
            texts.add(op.symbol() + literal(a));
            expected.add(op.apply(a));
        }
        assertThat(folded(texts, false)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"EQ", "NE", "AND_ALSO", "OR_ELSE"})
    void operatorsOnBooleans(Operator op) {
        List<String> texts = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (boolean a : new boolean[] {false, true}) {
            for (boolean b : new boolean[] {false, true}) {
                texts.add(a + " " + op.symbol() + " " + b);
                expected.add(switch (op) {
                    case EQ -> a == b;
                    case NE -> a != b;
                    case AND_ALSO -> a && b;
                    case OR_ELSE -> a || b;
                    case NEGATE, COMPLEMENT, NOT, MUL, DIV, MOD, ADD, SUB, SHL, SHR, AND, OR, LT, LE, GT, GE ->
                            throw new AssertionError("not an operator on booleans: " + op);
                });
            }
        }
        texts.add("!true");
        expected.add(false);
        assertThat(folded(texts, true)).isEqualTo(expected);
    }

    /** The documented rules themselves, so that a change to them is a deliberate one. */
    @ParameterizedTest
    @EnumSource(value = Operator.class, names = {"SHL", "SHR"})
    void shiftsByTheWidthOrMoreGiveZero(Operator op) {
        for (long count : new long[] {64, 65, 127, 1L << 32, -1, Long.MIN_VALUE}) {
            assertThat(op.apply(-1, count)).as("-1 %s %d", op.symbol(), count).isZero();
        }
        assertThat(op.apply(1, 63)).isEqualTo(op == Operator.SHL ? Long.MIN_VALUE : 0);
        assertThat(Operator.SHR.apply(-1, 63)).isEqualTo(1);
        assertThat(Operator.ADD.apply(Long.MAX_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Operator.NEGATE.apply(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
        assertThat(Operator.LT.compare(1, -1)).isTrue();
    }

    /** Division and remainder are unsigned, as the u64 fields they compute; by 0 they are refused. */
    @Test
    void divisionIsUnsignedAndNeverByZero() {
        assertThat(Operator.DIV.apply(-1, 2)).isEqualTo(Long.MAX_VALUE);
        assertThat(Operator.MOD.apply(-1, 10)).isEqualTo(5); // 18446744073709551615 % 10
        assertThat(Operator.DIV.apply(3 * 4096 + 5, 4096)).isEqualTo(3);
        assertThat(Operator.MOD.apply(3 * 4096 + 5, 4096)).isEqualTo(5);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Operator.DIV.apply(1, 0))
                .isInstanceOf(Operator.DivisionByZero.class).hasMessage("division by zero");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Operator.MOD.apply(1, 0))
                .isInstanceOf(Operator.DivisionByZero.class).hasMessage("remainder by zero");
    }

    /** Compiles one step or check per text and returns what each folded to. */
    private static List<Object> folded(List<String> texts, boolean checks) {
        StringBuilder spec = new StringBuilder("spec \"fold\" {\n  scenario \"s\" {\n");
        for (String text : texts) {
            spec.append(checks ? "    check " + text + "\n" : "    spawn(uid: " + text + ")\n");
        }
        List<Step> steps = Specs.model(new org.uapispec.grammar.source.SourceFile("fold.uapi", spec + "  }\n}\n"))
                .scenarios().get(0).steps();
        List<Object> out = new ArrayList<>();
        for (Step step : steps) {
            Value value = step instanceof Step.CheckStep check ? check.predicate() : ((Step.CallStep) step).arg("uid");
            out.add(value instanceof Value.Int i ? (Object) i.value() : value instanceof Value.Bool b ? b.value() : value);
        }
        return out;
    }
}
