package org.uapispec.grammar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.ast.BinaryOp;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ProfileList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.ast.UnaryOp;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

class SpecParserTest {
    private static final String TEXT = """
            /// The spec.
            ///   indented second line
            spec "t" {
              profiles [i915-2014, i915-mmap-forward]
              /// Invariant doc.
              invariant i: valid(f, h)
              # not a doc comment
              /// Scenario doc.
              scenario "s" {
                /// CallStatement doc.
                h = gem_create(f, size: 1 + 2 * 3) -> { i915-2014: EINVAL  default: ok }
                check ~0 == -1 | 2 << 1
                for a, b -> w in [(1, 2) -> ok] {
                  gem_close(f, h)
                }
              }
            }
            """;

    private static Spec parse(String text) {
        ParseResult result = SpecParser.parse(new SourceFile("t.uapi", text));
        assertThat(result.diagnostics()).isEmpty();
        return result.spec().orElseThrow();
    }

    @Test
    void docCommentsAttachToTheNextConstructOnly() {
        Spec spec = parse(TEXT);
        assertThat(spec.doc()).containsExactly("The spec.", "  indented second line");
        InvariantDecl invariant = (InvariantDecl) spec.members().get(1);
        assertThat(invariant.doc()).containsExactly("Invariant doc.");
        ScenarioDecl scenario = (ScenarioDecl) spec.members().get(2);
        assertThat(scenario.doc()).containsExactly("Scenario doc.");
        assertThat(scenario.statements().get(0).doc()).containsExactly("CallStatement doc.");
        assertThat(scenario.statements().get(1).doc()).isEmpty();
    }

    @Test
    void everyNodeCarriesItsPosition() {
        Spec spec = parse(TEXT);
        assertThat(spec.pos()).isEqualTo(new SourcePos("t.uapi", 3, 1));
        ScenarioDecl scenario = (ScenarioDecl) spec.members().get(2);
        CallStatement step = (CallStatement) scenario.statements().get(0);
        assertThat(step.pos().lineAndColumn()).isEqualTo("11:5");
        assertThat(step.binding().pos().lineAndColumn()).isEqualTo("11:5");
        assertThat(step.call().callee().pos().lineAndColumn()).isEqualTo("11:9");
        assertThat(step.call().args().get(1).name().pos().lineAndColumn()).isEqualTo("11:23");
        Expr.Binary sum = (Expr.Binary) step.call().args().get(1).value();
        assertThat(sum.pos().lineAndColumn()).as("a binary node sits at its operator").isEqualTo("11:31");
    }

    @Test
    void dashedProfileNamesAreOneName() {
        Spec spec = parse(TEXT);
        ProfileList profiles = (ProfileList) spec.members().get(0);
        assertThat(profiles.keys()).extracting(OutcomeClause.ProfileKey::text)
                .containsExactly("i915-2014", "i915-mmap-forward");
        CallStatement step = (CallStatement) ((ScenarioDecl) spec.members().get(2)).statements().get(0);
        OutcomeClause.PerProfile block = (OutcomeClause.PerProfile) step.outcome();
        assertThat(block.cases()).extracting(c -> c.keys().get(0).text()).containsExactly("i915-2014", "default");
    }

    @Test
    void operatorPrecedence() {
        Spec spec = parse(TEXT);
        ScenarioDecl scenario = (ScenarioDecl) spec.members().get(2);
        Expr.Binary sum = (Expr.Binary) ((CallStatement) scenario.statements().get(0)).call().args().get(1).value();
        assertThat(sum.op()).isEqualTo(BinaryOp.ADD);
        assertThat(((Expr.Binary) sum.right()).op()).isEqualTo(BinaryOp.MUL);
        Expr.Binary eq = (Expr.Binary) ((Check) scenario.statements().get(1)).predicate();
        assertThat(eq.op()).isEqualTo(BinaryOp.EQ);
        assertThat(((Expr.Unary) eq.left()).op()).isEqualTo(UnaryOp.COMPLEMENT);
        Expr.Binary or = (Expr.Binary) eq.right();
        assertThat(or.op()).isEqualTo(BinaryOp.OR);
        assertThat(((Expr.Binary) or.right()).op()).isEqualTo(BinaryOp.SHL);
    }

    @Test
    void tablesKeepColumnsRowsAndTheOutcomeColumn() {
        Spec spec = parse(TEXT);
        ForLoop loop = (ForLoop) ((ScenarioDecl) spec.members().get(2)).statements().get(2);
        assertThat(loop.variables()).extracting(n -> n.text()).containsExactly("a", "b");
        assertThat(loop.outcomeVar().text()).isEqualTo("w");
        assertThat(loop.rows()).singleElement().satisfies(row -> {
            assertThat(row.values()).hasSize(2);
            assertThat(row.outcome()).isInstanceOfSatisfying(OutcomeClause.Alternatives.class,
                    outcome -> assertThat(outcome.atoms()).extracting(n -> n.text()).containsExactly("ok"));
        });
        assertThat(loop.body()).hasSize(1);
    }

    @Test
    void literals() {
        Spec spec = parse("spec \"t\" { invariant i: f(0xFFFF_FFFF_FFFF_FFFF, 1_000, \"a\\tb\\\"\", x\"0A 0b\", true) }");
        Expr.CallExpr call = (Expr.CallExpr) ((InvariantDecl) spec.members().get(0)).predicate();
        List<Expr> args = call.call().args().stream().map(a -> a.value()).toList();
        assertThat(((Expr.IntLit) args.get(0)).value()).isEqualTo(-1L);
        assertThat(((Expr.IntLit) args.get(1)).value()).isEqualTo(1000L);
        assertThat(((Expr.StringLit) args.get(2)).value()).isEqualTo("a\tb\"");
        assertThat(((Expr.HexLit) args.get(3)).digits()).isEqualTo("0a0b");
        assertThat(((Expr.BoolLit) args.get(4)).value()).isTrue();
    }

    @Test
    void integersOnEitherSideOfEighteenDecimalAndFifteenHexDigits() {
        String[] texts = {"999_999_999_999_999_999", "1000000000000000000", "18446744073709551615", "007",
            "0xfff_ffff_ffff_ffff", "0x1000000000000000", "0XFFFFFFFFFFFFFFFF", "0x000000000000000001", "0x__a__"};
        Spec spec = parse("spec \"t\" { invariant i: f(" + String.join(", ", texts) + ") }");
        Expr.CallExpr call = (Expr.CallExpr) ((InvariantDecl) spec.members().get(0)).predicate();
        assertThat(call.call().args()).extracting(a -> ((Expr.IntLit) a.value()).value()).containsExactly(
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, -1L, 7L,
                0xfff_ffff_ffff_ffffL, 0x1000000000000000L, -1L, 1L, 10L);
        assertThat(call.call().args()).extracting(a -> ((Expr.IntLit) a.value()).text()).containsExactly(texts);
        ParseResult empty = SpecParser.parse(new SourceFile("t.uapi", "spec \"t\" { invariant i: f(0x_) }"));
        assertThat(empty.diagnostics()).extracting(d -> d.message()).containsExactly("integer '0x_' does not fit in 64 bits");
    }

    @Test
    void textsThatAreNotAsciiAreLexedAsWritten() {
        // A lone surrogate is one byte, '?', in UTF-8, as long as an ASCII char: it must still reach the lexer.
        ParseResult lone = SpecParser.parse(new SourceFile("t.uapi", "spec \"t\" { scenario \"s\" { f() \uD800 } }"));
        assertThat(lone.diagnostics()).extracting(d -> d.pos().lineAndColumn() + " " + d.message())
                .containsExactly("1:31 unexpected character '\uD800'");
        Spec latin = parse("spec \"\u00e9t\u00e9\" { scenario \"s\" { f(a: \"\u00ff\uD83D\uDE00\") } }");
        assertThat(latin.title()).isEqualTo("\u00e9t\u00e9");
        CallStatement step = (CallStatement) ((ScenarioDecl) latin.members().get(0)).statements().get(0);
        assertThat(((Expr.StringLit) step.call().args().get(0).value()).value()).isEqualTo("\u00ff\uD83D\uDE00");
    }

    @Test
    void validInputNeedsOnlySllButErrorsAreFoundWithFullLl() {
        ParseResult good = SpecParser.parse(new SourceFile("g", TEXT));
        assertThat(good.usedFullContext()).isFalse();
        ParseResult bad = SpecParser.parse(new SourceFile("b", "spec \"t\" { scenario \"s\" { h = ) } }"));
        assertThat(bad.usedFullContext()).isTrue();
        assertThat(bad.spec()).isEmpty();
        assertThat(bad.hasErrors()).isTrue();
        assertThat(bad.diagnostics()).extracting(d -> d.pos().lineAndColumn()).containsExactly("1:31");
    }
}
