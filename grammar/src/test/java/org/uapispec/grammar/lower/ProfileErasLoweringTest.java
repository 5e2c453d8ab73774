package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.model.Expectation;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.source.SourceFile;

/** Era keys in profiles lists: which eras each scenario runs its profiles on, and what its steps accept there. */
class ProfileErasLoweringTest {
    private static final List<Expected> OK = List.of(new Expected.Ok());
    private static final List<Expected> EINVAL = List.of(new Expected.Fails(Errno.EINVAL));

    private static SpecModel model(String specProfiles, String... scenarios) {
        String text = "spec \"eras\" {\n" + (specProfiles.isEmpty() ? "" : "  profiles [" + specProfiles + "]\n")
                + "  setup {\n    p = spawn()\n    f = open(p)\n  }\n"
                + Arrays.stream(scenarios).collect(Collectors.joining("\n")) + "}\n";
        return Specs.model(new SourceFile("eras.uapi", text));
    }

    /** A scenario with this profiles list (none when empty) and these steps. */
    private static String scenario(String title, String profiles, String... steps) {
        return "  scenario \"" + title + "\" {\n" + (profiles.isEmpty() ? "" : "    profiles [" + profiles + "]\n")
                + Arrays.stream(steps).map(s -> "    " + s + "\n").collect(Collectors.joining()) + "  }\n";
    }

    /** What the first own step of the only scenario accepts on {@code profile} on 5.10, 6.1, 6.12 and 7.2. */
    private static List<List<Expected>> byEra(SpecModel model, String profile) {
        Expectation expected = ((Step.CallStep) model.scenarios().get(0).steps().get(0)).expected();
        return Arrays.stream(KernelEra.values()).map(era -> expected.forTarget(profile, era)).toList();
    }

    @Test
    void aScenarioRunsEachProfileOnTheErasItsListNames() {
        Scenario scenario = model("", scenario("s", "generic@6.1+, exynos-2012, i915@5.10", "gem_close(f, 1)"))
                .scenarios().get(0);
        assertThat(scenario.profiles()).containsExactly("generic", "exynos-2012", "i915");
        assertThat(scenario.eras("generic")).containsExactly(KernelEra.V6_1, KernelEra.V6_12, KernelEra.V7_2);
        assertThat(scenario.runsOn("generic", KernelEra.V5_10)).isFalse();
        assertThat(scenario.runsOn("generic", KernelEra.V6_12)).isTrue();
        assertThat(scenario.eras("i915")).containsExactly(KernelEra.V5_10);
        assertThat(scenario.eras("exynos-2012")).as("an era of its own").containsExactly(KernelEra.values());
        assertThat(scenario.eras("i915-2014")).isEmpty();
        assertThat(scenario.runsOn("i915-2014", KernelEra.V7_2)).isFalse();
    }

    @Test
    void keysOfOneProfileAddUpAndEveryEraIsNoLimit() {
        SpecModel model = model("", scenario("union", "generic@5.10, generic@6.12+", "gem_close(f, 1)"),
                scenario("all", "generic@5.10, generic@6.1+", "gem_close(f, 1)"));
        assertThat(model.scenarios().get(0).eras("generic"))
                .containsExactly(KernelEra.V5_10, KernelEra.V6_12, KernelEra.V7_2);
        assertThat(model.scenarios().get(0).profiles()).containsExactly("generic");
        assertThat(model.scenarios().get(1).eras("generic")).containsExactly(KernelEra.values());
        assertThat(model.scenarios().get(1).selection().limitedEras()).isSameAs(Map.of());
    }

    @Test
    void aScenarioWithoutAListRunsOnTheSpecsErasAndOneWithAListOnItsOwn() {
        SpecModel model = model("generic@6.1+, i915", scenario("inherits", "", "gem_close(f, 1)"),
                scenario("narrows", "generic@6.12+", "gem_close(f, 1)"),
                scenario("other profile", "i915", "gem_close(f, 1)"));
        assertThat(model.profiles()).containsExactly("generic", "i915");
        Scenario inherits = model.scenarios().get(0);
        assertThat(inherits.eras("generic")).containsExactly(KernelEra.V6_1, KernelEra.V6_12, KernelEra.V7_2);
        assertThat(inherits.eras("i915")).containsExactly(KernelEra.values());
        assertThat(model.scenarios().get(1).eras("generic")).containsExactly(KernelEra.V6_12, KernelEra.V7_2);
        assertThat(model.scenarios().get(1).profiles()).containsExactly("generic");
        assertThat(model.scenarios().get(2).eras("generic")).as("its list replaces the spec's").isEmpty();
    }

    @Test
    void scenariosWithoutErasShareOneSelection() {
        SpecModel model = model("generic, i915", scenario("a", "", "gem_close(f, 1)"),
                scenario("b", "", "gem_close(f, 2)"));
        assertThat(model.scenarios().get(0).selection()).isSameAs(model.scenarios().get(1).selection());
        assertThat(model.scenarios().get(0).selection().limitedEras()).isSameAs(Map.of());
    }

    @Test
    void aBlockWithoutDefaultCoversOnlyTheErasTheScenarioRuns() {
        SpecModel onwards = model("", scenario("s", "generic@6.1+", "gem_close(f, 1) -> { generic@6.1+: EINVAL }"));
        assertThat(byEra(onwards, "generic")).as("nothing where the scenario does not run")
                .containsExactly(List.of(), EINVAL, EINVAL, EINVAL);
        SpecModel plain = model("", scenario("s", "generic@6.1+", "gem_close(f, 1) -> { generic: EINVAL }"));
        assertThat(byEra(plain, "generic")).containsExactly(EINVAL, EINVAL, EINVAL, EINVAL);
    }

    @Test
    void aScenarioOnAnOldEraOnlyHasItsOutcomeThere() {
        SpecModel model = model("", scenario("s", "generic@5.10", "gem_close(f, 1) -> { generic@5.10: ok }"));
        assertThat(byEra(model, "generic")).containsExactly(OK, List.of(), List.of(), List.of());
        Expectation expected = ((Step.CallStep) model.scenarios().get(0).steps().get(0)).expected();
        assertThat(expected.forProfile("generic")).as("the newest era, which it does not run on").isEmpty();
    }

    @Test
    void theSetupOfASpecOnSomeErasLowersInAScenarioOnFewer() {
        String text = "spec \"eras\" {\n  profiles [generic@6.1+]\n  setup {\n    p = spawn()\n    f = open(p)\n"
                + "    gem_close(f, 1) -> { generic@6.1+: EINVAL }\n  }\n"
                + scenario("s", "generic@6.12+", "gem_close(f, 2) -> { generic@6.12+: ok }") + "}\n";
        Scenario scenario = Specs.model(new SourceFile("eras.uapi", text)).scenarios().get(0);
        Expectation setup = ((Step.CallStep) scenario.setup().get(2)).expected();
        Expectation own = ((Step.CallStep) scenario.steps().get(0)).expected();
        assertThat(setup.forTarget("generic", KernelEra.V6_12)).isEqualTo(EINVAL);
        assertThat(own.forTarget("generic", KernelEra.V6_12)).isEqualTo(OK);
        assertThat(own.forTarget("generic", KernelEra.V7_2)).isEqualTo(OK);
    }
}
