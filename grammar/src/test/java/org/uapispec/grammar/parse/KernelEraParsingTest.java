package org.uapispec.grammar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.source.SourceFile;

/** Profile keys with a kernel era: {@code generic@5.10}, {@code generic@6.1+}. */
class KernelEraParsingTest {

    private static ParseResult parse(String outcome) {
        return SpecParser.parse(new SourceFile("t.uapi",
                "spec \"t\" {\n  scenario \"s\" {\n    gem_close(f, 1) -> " + outcome + "\n  }\n}\n"));
    }

    private static List<OutcomeClause.ProfileKey> keys(String outcome) {
        ParseResult result = parse(outcome);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.usedFullContext()).as("SLL alone parses era keys").isFalse();
        Spec spec = result.spec().orElseThrow();
        CallStatement step = (CallStatement) ((ScenarioDecl) spec.members().get(0)).statements().get(0);
        return ((OutcomeClause.PerProfile) step.outcome()).cases().stream().flatMap(c -> c.keys().stream()).toList();
    }

    @Test
    void aKeyIsAProfileWithAnOptionalEraAndPlus() {
        List<OutcomeClause.ProfileKey> keys = keys("{ generic@5.10, i915-mmap-forward@6.12+: ok  i915: EINVAL  default: ok }");
        assertThat(keys).extracting(k -> k.profile().text())
                .containsExactly("generic", "i915-mmap-forward", "i915", "default");
        assertThat(keys.get(0).era()).satisfies(era -> {
            assertThat(era.release()).isEqualTo("5.10");
            assertThat(era.onwards()).isFalse();
        });
        assertThat(keys.get(1).era()).satisfies(era -> {
            assertThat(era.release()).isEqualTo("6.12");
            assertThat(era.onwards()).isTrue();
        });
        assertThat(keys.get(2).era()).isNull();
        assertThat(keys.get(3).era()).isNull();
        assertThat(keys).extracting(OutcomeClause.ProfileKey::text)
                .containsExactly("generic@5.10", "i915-mmap-forward@6.12+", "i915", "default");
    }

    @Test
    void aKeySitsAtItsProfileAndItsEraAtTheAt() {
        List<OutcomeClause.ProfileKey> keys = keys("{ generic@5.10, i915@6.1+: ok }");
        assertThat(keys.get(0).pos().lineAndColumn()).isEqualTo("3:26");
        assertThat(keys.get(0).era().pos().lineAndColumn()).isEqualTo("3:33");
        assertThat(keys.get(1).pos().lineAndColumn()).isEqualTo("3:40");
        assertThat(keys.get(1).era().pos().lineAndColumn()).isEqualTo("3:44");
    }

    @Test
    void eraNamesAndEraOnDefaultAreTheCheckersToJudge() {
        assertThat(keys("{ default@6.1: ok  i915-2014@9.99+: EINVAL }")).extracting(OutcomeClause.ProfileKey::text)
                .containsExactly("default@6.1", "i915-2014@9.99+");
    }

    @Test
    void aMalformedEraIsReportedOnceAndTheParseGoesOn() {
        assertThat(parse("{ generic@6: ok  generic@6.1-rc1: ok  default: EINVAL }").diagnostics())
                .extracting(d -> d.pos().lineAndColumn() + " " + d.message()).containsExactly(
                        "3:33 malformed kernel era '@6', write it as '@6.1' or '@6.1+'",
                        "3:52 unexpected '-', expected ',' or ':'");
    }
}
