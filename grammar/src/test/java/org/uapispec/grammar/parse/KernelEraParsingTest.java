package org.uapispec.grammar.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ProfileList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.source.SourceFile;

/**
 * Profile keys with a kernel era, {@code generic@5.10}, {@code generic@6.1+}: in per-profile outcomes
 * and in the profiles lists of specs and scenarios.
 */
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

    private static final String LISTS = """
            spec "t" {
              profiles [generic@6.1+, exynos-2012, generic @5.10,]
              scenario "s" {
                profiles [generic@5.10, i915-2019, i915]
                p = spawn()
              }
            }
            """;

    @Test
    void profilesListsOfSpecsAndScenariosTakeEraKeys() {
        ParseResult result = SpecParser.parse(new SourceFile("t.uapi", LISTS));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.usedFullContext()).as("SLL alone parses era keys in lists").isFalse();
        Spec spec = result.spec().orElseThrow();
        List<OutcomeClause.ProfileKey> specKeys = ((ProfileList) spec.members().get(0)).keys();
        assertThat(specKeys).extracting(OutcomeClause.ProfileKey::text)
                .containsExactly("generic@6.1+", "exynos-2012", "generic@5.10");
        assertThat(specKeys.get(0).era()).satisfies(era -> {
            assertThat(era.release()).isEqualTo("6.1");
            assertThat(era.onwards()).isTrue();
        });
        assertThat(specKeys.get(1).era()).isNull();
        assertThat(specKeys.get(2).era().onwards()).isFalse();
        ScenarioDecl scenario = (ScenarioDecl) spec.members().get(1);
        assertThat(((ProfileList) scenario.members().get(0)).keys()).extracting(OutcomeClause.ProfileKey::text)
                .containsExactly("generic@5.10", "i915-2019", "i915");
        assertThat(scenario.statements()).as("a profiles list is no statement").hasSize(1);
    }

    @Test
    void aListedKeySitsAtItsProfileAndItsEraAtTheAt() {
        Spec spec = SpecParser.parse(new SourceFile("t.uapi", LISTS)).spec().orElseThrow();
        List<OutcomeClause.ProfileKey> keys = ((ProfileList) spec.members().get(0)).keys();
        assertThat(keys.get(0).pos().lineAndColumn()).isEqualTo("2:13");
        assertThat(keys.get(0).era().pos().lineAndColumn()).isEqualTo("2:20");
        assertThat(keys.get(2).pos().lineAndColumn()).isEqualTo("2:40");
        assertThat(keys.get(2).era().pos().lineAndColumn()).isEqualTo("2:48");
    }

    @Test
    void aMalformedEraInAListIsReportedOnce() {
        ParseResult result = SpecParser.parse(new SourceFile("t.uapi",
                "spec \"t\" {\n  profiles [generic@6.1.2, i915]\n}\n"));
        assertThat(result.diagnostics()).extracting(d -> d.pos().lineAndColumn() + " " + d.message())
                .containsExactly("2:20 malformed kernel era '@6.1.2', write it as '@6.1' or '@6.1+'");
    }
}
