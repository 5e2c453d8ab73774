package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;

/** What a step accepts by profile and kernel era, as the engine asks for it. */
class ExpectationTest {
    private static final List<Expected> OK = List.of(new Expected.Ok());
    private static final List<Expected> EINVAL = List.of(new Expected.Fails(Errno.EINVAL));

    /** ok on 5.10, EINVAL from 6.1 on: vgem's MAP_PRIVATE mmap of a dumb buffer. */
    private static Map<KernelEra, List<Expected>> okOnlyOn510() {
        Map<KernelEra, List<Expected>> eras = new EnumMap<>(KernelEra.class);
        for (KernelEra era : KernelEra.values()) {
            eras.put(era, era == KernelEra.V5_10 ? OK : EINVAL);
        }
        return eras;
    }

    @Test
    void aProfileWithoutErasAcceptsTheSameOnEveryEra() {
        Expectation expectation = new Expectation(Map.of("generic", EINVAL, "i915-2014", OK));
        for (KernelEra era : KernelEra.values()) {
            assertThat(expectation.forTarget("generic", era)).isEqualTo(EINVAL);
            assertThat(expectation.forTarget("i915-2014", era)).isEqualTo(OK);
        }
        assertThat(expectation.differsByEra()).isFalse();
        assertThat(expectation.byEra()).isEmpty();
    }

    @Test
    void aProfileThatDiffersByEraAnswersPerEraAndAsTheNewestWithoutOne() {
        Expectation expectation = new Expectation(Map.of("generic", EINVAL, "i915-2014", OK),
                Map.of("generic", okOnlyOn510()));
        assertThat(expectation.forTarget("generic", KernelEra.V5_10)).isEqualTo(OK);
        assertThat(expectation.forTarget("generic", KernelEra.V6_1)).isEqualTo(EINVAL);
        assertThat(expectation.forTarget("generic", KernelEra.V7_2)).isEqualTo(EINVAL);
        assertThat(expectation.forProfile("generic")).isEqualTo(EINVAL);
        assertThat(expectation.allowsOk("generic")).isFalse();
        assertThat(expectation.forTarget("i915-2014", KernelEra.V5_10)).as("an era of its own").isEqualTo(OK);
        assertThat(expectation.differsByEra()).isTrue();
    }

    @Test
    void aProfileTheScenarioDoesNotRunOnAcceptsNothing() {
        Expectation expectation = new Expectation(Map.of("generic", EINVAL), Map.of("generic", okOnlyOn510()));
        assertThat(expectation.forTarget("i915", KernelEra.V5_10)).isEmpty();
        assertThat(expectation.forProfile("i915")).isEmpty();
    }

    @Test
    void eraOutcomesAreCopiedAndComplete() {
        Map<KernelEra, List<Expected>> eras = okOnlyOn510();
        Expectation expectation = new Expectation(Map.of("generic", EINVAL), Map.of("generic", eras));
        eras.put(KernelEra.V6_1, OK);
        assertThat(expectation.forTarget("generic", KernelEra.V6_1)).isEqualTo(EINVAL);
        eras.remove(KernelEra.V6_12);
        assertThatThrownBy(() -> new Expectation(Map.of("generic", EINVAL), Map.of("generic", eras)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every kernel era");
    }

    @Test
    void onlyProfilesThatFollowKernelErasDifferByEra() {
        assertThatThrownBy(() -> new Expectation(Map.of("i915-2014", EINVAL), Map.of("i915-2014", okOnlyOn510())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 'i915-2014' does not follow kernel eras");
    }

    @Test
    void theNewestEraAgreesWithTheProfilesOwnOutcome() {
        assertThatThrownBy(() -> new Expectation(Map.of("generic", OK), Map.of("generic", okOnlyOn510())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 'generic' accepts other outcomes at 7.2 than its own");
    }
}
