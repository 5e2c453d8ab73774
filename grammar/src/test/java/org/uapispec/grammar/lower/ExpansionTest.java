package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.diag.Diagnostic;

/** Loops are counted before they are expanded: a scenario over the cap is one error at the loop, and nothing is built. */
class ExpansionTest {

    private static String rows(int n) {
        StringJoiner rows = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < n; i++) {
            rows.add(Integer.toString(i));
        }
        return rows.toString();
    }

    /** {@code depth} loops of {@code width} rows around {@code body}, each variable used. */
    private static String nest(int depth, int width, String indent, String body) {
        StringBuilder out = new StringBuilder();
        StringJoiner sum = new StringJoiner(" + ");
        for (int i = 0; i < depth; i++) {
            out.append(indent).append("  ".repeat(i)).append("for v").append(i).append(" in ").append(rows(width))
                    .append(" {\n");
            sum.add("v" + i);
        }
        out.append(indent).append("  ".repeat(depth)).append(body.replace("SUM", sum.toString())).append("\n");
        for (int i = depth - 1; i >= 0; i--) {
            out.append(indent).append("  ".repeat(i)).append("}\n");
        }
        return out.toString();
    }

    /** A file of about 1 KB whose twelve nested loops of ten rows would be 10^12 steps. */
    @Test
    void aTrillionStepsOfNestedLoopsAreOneErrorAtTheOutermostLoop() {
        String text = "spec \"x\" {\n  scenario \"deep\" {\n" + nest(12, 10, "    ", "spawn(uid: SUM)") + "  }\n}\n";
        assertThat(text.length()).isLessThan(1400);
        CompileResult result = Specs.compile(text);
        assertThat(result.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "test.uapi:3:5: error: loop over 'v0' expands to 1000000000000 steps, more than the 100000 a scenario may have");
    }

    @Test
    void countsThatOverflowSixtyFourBitsSaturate() {
        String text = "spec \"x\" {\n  scenario \"deep\" {\n" + nest(20, 10, "    ", "spawn(uid: SUM)") + "  }\n}\n";
        assertThat(Specs.compile(text).diagnostics()).extracting(Diagnostic::message).containsExactly(
                "loop over 'v0' expands to more than 9223372036854775807 steps, more than the 100000 a scenario may have");
    }

    /** A check counts as one step plus one for each call it runs first; observations are not calls. */
    @Test
    void aCheckCountsTheCallsItHoists() {
        String body = "check read(p, a, 1) == \"x\" && valid(f, h) && SUM >= 0";
        String text = "spec \"x\" {\n  scenario \"s\" {\n    p = spawn()\n    f = open(p)\n"
                + "    h = gem_create(f, size: PAGE)\n"
                + "    a = mmap(p, len: PAGE, prot: rw, flags: private | anonymous)\n"
                + nest(2, 224, "    ", body) + "  }\n}\n";
        assertThat(Specs.compile(text).diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "test.uapi:7:5: error: loop over 'v0' expands to 100352 steps, more than the 100000 a scenario may have");
    }

    @Test
    void setupAndScenarioTogetherOverTheCapAreAnErrorAtTheLoopThatCrossesIt() {
        String text = "spec \"x\" {\n  setup {\n" + nest(2, 250, "    ", "spawn(uid: SUM)") + "  }\n"
                + "  scenario \"s\" {\n" + nest(2, 250, "    ", "spawn(uid: SUM)") + "  }\n}\n";
        assertThat(Specs.compile(text).diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "test.uapi:10:5: error: scenario 's' expands to 125000 steps, more than the 100000 it may have;"
                        + " this loop makes 62500 of them");
    }

    @Test
    void aScenarioJustUnderTheCapIsBuiltWhole() {
        String text = "spec \"x\" {\n  scenario \"s\" {\n" + nest(2, 316, "    ", "spawn(uid: SUM)") + "  }\n}\n";
        CompileResult result = Specs.compile(text);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.spec().orElseThrow().scenarios().get(0).steps()).hasSize(316 * 316);
    }

    /** Loops whose body makes no step are not gone through at all. */
    @Test
    void loopsWithoutStepsExpandToNothing() {
        String text = "spec \"x\" {\n  scenario \"s\" {\n    spawn()\n"
                + nest(4, 10, "    ", "for _w in [] { spawn(uid: SUM) }") + "  }\n}\n";
        CompileResult result = Specs.compile(text);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly("loop over no rows");
        assertThat(result.spec().orElseThrow().scenarios().get(0).steps()).hasSize(1);
    }
}
