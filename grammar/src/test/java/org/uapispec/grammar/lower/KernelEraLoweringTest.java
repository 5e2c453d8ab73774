package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.model.Expectation;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.source.SourceFile;

/** Era keys in per-profile outcomes: which case each profile takes on each kernel era. */
class KernelEraLoweringTest {
    private static final List<Expected> OK = List.of(new Expected.Ok());
    private static final List<Expected> EINVAL = fails(Errno.EINVAL);
    private static final List<Expected> EFAULT = fails(Errno.EFAULT);
    private static final List<Expected> ENODEV = fails(Errno.ENODEV);

    private static List<Expected> fails(Errno errno) {
        return List.of(new Expected.Fails(errno));
    }

    /** The call steps after the setup of a scenario on generic, i915 and i915-2014 with these steps. */
    private static List<Step.CallStep> steps(String... steps) {
        String text = "spec \"eras\" {\n  profiles [generic, i915, i915-2014]\n  setup {\n    p = spawn()\n"
                + "    f = open(p)\n  }\n  scenario \"s\" {\n"
                + Arrays.stream(steps).map(s -> "    " + s + "\n").collect(Collectors.joining()) + "  }\n}\n";
        return Specs.model(new SourceFile("eras.uapi", text)).scenarios().get(0).steps().stream()
                .map(Step.CallStep.class::cast).toList();
    }

    private static Expectation expected(String outcome) {
        return steps("gem_close(f, 1) -> " + outcome).get(0).expected();
    }

    /** What {@code profile} accepts on 5.10, 6.1, 6.12 and 7.2. */
    private static List<List<Expected>> byEra(Expectation expectation, String profile) {
        return Arrays.stream(KernelEra.values()).map(era -> expectation.forTarget(profile, era)).toList();
    }

    @Test
    void anEraKeyAndARangeKeySayTheSameOnce() {
        // vgem: MAP_PRIVATE mmap of a dumb buffer is ok on 5.10 and EINVAL from 6.1 on.
        Expectation exact = expected("{ generic@5.10: ok  default: EINVAL }");
        Expectation range = expected("{ generic: ok  generic@6.1+: EINVAL  default: EINVAL }");
        for (Expectation expectation : List.of(exact, range)) {
            assertThat(byEra(expectation, "generic")).containsExactly(OK, EINVAL, EINVAL, EINVAL);
            assertThat(expectation.forProfile("generic")).as("the newest era").isEqualTo(EINVAL);
            assertThat(expectation.allowsOk("generic")).isFalse();
            assertThat(expectation.differsByEra()).isTrue();
        }
        assertThat(exact).isEqualTo(range);
    }

    @Test
    void anExactEraBeatsARangeThatBeatsThePlainKeyThatBeatsDefault() {
        Expectation expectation = expected(
                "{ default: EFAULT  generic: ok  generic@6.12: ENODEV  generic@6.1+: EINVAL  i915: ENODEV }");
        assertThat(byEra(expectation, "generic")).containsExactly(OK, EINVAL, ENODEV, EINVAL);
        assertThat(byEra(expectation, "i915")).containsExactly(ENODEV, ENODEV, ENODEV, ENODEV);
        assertThat(byEra(expectation, "i915-2014")).containsExactly(EFAULT, EFAULT, EFAULT, EFAULT);
    }

    @Test
    void ofTwoRangesTheOneStartingLatestWins() {
        Expectation expectation = expected("{ generic@6.12+: EINVAL  generic@5.10+: EFAULT  default: ok }");
        assertThat(byEra(expectation, "generic")).containsExactly(EFAULT, EFAULT, EINVAL, EINVAL);
    }

    @Test
    void withoutAPlainKeyEarlierErasFallToDefault() {
        Expectation expectation = expected("{ generic@6.1+: EINVAL  i915@7.2: EFAULT  default: ok }");
        assertThat(byEra(expectation, "generic")).containsExactly(OK, EINVAL, EINVAL, EINVAL);
        assertThat(byEra(expectation, "i915")).containsExactly(OK, OK, OK, EFAULT);
        assertThat(expectation.forProfile("i915")).isEqualTo(EFAULT);
    }

    @Test
    void profilesWithoutEraKeysAndProfilesOfTheirOwnEraAnswerTheSameOnEveryEra() {
        Expectation expectation = expected("{ generic@5.10: ok  i915-2014: EFAULT  default: EINVAL }");
        assertThat(byEra(expectation, "i915")).containsExactly(EINVAL, EINVAL, EINVAL, EINVAL);
        assertThat(byEra(expectation, "i915-2014")).containsExactly(EFAULT, EFAULT, EFAULT, EFAULT);
        assertThat(expectation.byEra()).containsOnlyKeys("generic");
    }

    @Test
    void eraKeysThatChangeNothingKeepNoEraOutcomes() {
        Expectation expectation = expected("{ generic: EINVAL  generic@6.1+: EINVAL  default: ok }");
        assertThat(expectation.differsByEra()).isFalse();
        assertThat(expectation.byEra()).isEmpty();
        assertThat(expectation).isEqualTo(expected("{ generic: EINVAL  default: ok }"));
    }

    @Test
    void stepsWithTheSameOutcomesShareOneExpectation() {
        List<Step.CallStep> steps = steps(
                "gem_close(f, 1) -> { generic@5.10: ok  default: EINVAL }",
                "gem_close(f, 2) -> { generic: ok  generic@6.1+: EINVAL  i915, i915-2014: EINVAL }",
                "gem_close(f, 3) -> EINVAL");
        assertThat(steps.get(1).expected()).isSameAs(steps.get(0).expected());
        assertThat(steps.get(2).expected().differsByEra()).isFalse();
    }

    @Test
    void anOutcomeColumnUnderAnEraKeyTakesEachRowsOutcome() {
        List<Step.CallStep> steps = steps(
                "for x -> want in [1 -> ok, 2 -> EFAULT] {",
                "  gem_close(f, x) -> { generic@5.10: want  default: EINVAL }",
                "}");
        assertThat(byEra(steps.get(0).expected(), "generic")).containsExactly(OK, EINVAL, EINVAL, EINVAL);
        assertThat(byEra(steps.get(1).expected(), "generic")).containsExactly(EFAULT, EINVAL, EINVAL, EINVAL);
        assertThat(steps.get(1).text())
                .isEqualTo("gem_close(f, x) -> { generic@5.10: want  default: EINVAL } [x = 2, want = EFAULT]");
    }

    @Test
    void theStepTextShowsEraKeysAsWritten() {
        assertThat(steps("gem_close(f, 1) -> { generic@5.10, i915@6.1+: ok  default: EINVAL }").get(0).text())
                .isEqualTo("gem_close(f, 1) -> { generic@5.10, i915@6.1+: ok  default: EINVAL }");
    }
}
