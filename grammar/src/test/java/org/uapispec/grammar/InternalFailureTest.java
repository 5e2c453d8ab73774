package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.ScenarioMember;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.UnaryOp;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.check.Checker;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.lower.Lowerer;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * A failure of the compiler itself becomes an error at the innermost statement, scenario or spec
 * it was working on, and the stage goes on with the rest. The stages are driven with trees the
 * parser or the checker would never hand them, which is how such a failure looks from inside.
 */
class InternalFailureTest {
    private static final String FILE = "hand.uapi";

    /** Lowering takes calls from the checker; a call the checker did not pass fails to lower at its step. */
    @Test
    void aStepThatFailsToLowerIsAnErrorAtTheStep() {
        Spec spec = SpecParser.parse(new SourceFile(FILE, "spec \"x\" {\n  scenario \"a\" {\n    spawn()\n"
                + "    frob()\n  }\n  scenario \"b\" {\n    spawn()\n    check 1 == 1\n  }\n}\n")).spec().orElseThrow();
        Lowerer.Lowered lowered = new Lowerer().lower(spec, new Checker().check(spec));
        assertThat(lowered.model()).isEmpty();
        assertThat(lowered.diagnostics()).extracting(Diagnostic::toString).singleElement(as(InstanceOfAssertFactories.STRING))
                .startsWith(FILE + ":4:5: error: internal compiler error while lowering this step: ");
    }

    /** Deeper than the parser allows: the recursion runs out of stack in the check, not in the caller. */
    @Test
    void aStackOverflowIsAnErrorAtTheStatementAndTheOthersAreStillChecked() {
        Spec spec = new Spec(at(1, 1), List.of(), "x", List.of(scenario(
                new Check(at(3, 5), List.of(), deepNegation(1_000_000)),
                (ScenarioMember) SpecParser.parse(new SourceFile(FILE, "spec \"y\" { scenario \"s\" { frob() } }"))
                        .spec().map(s -> ((ScenarioDecl) s.members().get(0)).statements().get(0)).orElseThrow())));
        assertThat(new Checker().check(spec).diagnostics()).extracting(Diagnostic::toString).containsExactly(
                FILE + ":1:27: error: unknown call 'frob'",
                FILE + ":3:5: error: internal compiler error while checking this check: StackOverflowError");
    }

    @Test
    void aStackOverflowWhileLoweringIsAnErrorAtTheScenario() {
        Spec spec = new Spec(at(1, 1), List.of(), "x", List.of(scenario(new Check(at(3, 5), List.of(),
                deepNegation(1_000_000)))));
        assertThat(new Lowerer().lower(spec, CheckResult.of(List.of())).diagnostics()).extracting(Diagnostic::toString).containsExactly(
                FILE + ":2:3: error: internal compiler error while lowering this scenario: StackOverflowError");
    }

    @Test
    void theMessageKeepsTheStartOfALongDetailOnOneLine() {
        String message = org.uapispec.grammar.diag.InternalFailure.message("lowering this step",
                new IllegalStateException("a\nb " + "x".repeat(500)));
        assertThat(message).startsWith("internal compiler error while lowering this step: IllegalStateException: a b xx")
                .endsWith("...").doesNotContain("\n").hasSizeLessThan(300);
    }

    private static ScenarioDecl scenario(ScenarioMember... members) {
        return new ScenarioDecl(at(2, 3), List.of(), "s", List.of(members));
    }

    private static Expr deepNegation(int depth) {
        Expr expr = new Expr.BoolLit(at(3, 11 + depth), true);
        for (int i = 0; i < depth; i++) {
            expr = new Expr.Unary(at(3, 11), UnaryOp.NOT, expr);
        }
        return expr;
    }

    private static SourcePos at(int line, int column) {
        return new SourcePos(FILE, line, column);
    }
}
