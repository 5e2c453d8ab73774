package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uapispec.api.KernelEra;

/** Which profiles and kernel eras a scenario runs on. */
class ProfileSelectionTest {

    @Test
    void withoutLimitsEveryProfileRunsOnEveryEraAndOthersOnNone() {
        ProfileSelection selection = ProfileSelection.of(List.of("generic", "i915-2014"));
        assertThat(selection.eras("generic")).containsExactly(KernelEra.values());
        assertThat(selection.eras("i915-2014")).as("an era of its own").containsExactly(KernelEra.values());
        assertThat(selection.eras("i915")).isEmpty();
        assertThat(selection.runsOn("generic", KernelEra.V5_10)).isTrue();
        assertThat(selection.runsOn("i915", KernelEra.V7_2)).isFalse();
        assertThat(selection.limitedEras()).isSameAs(Map.of());
    }

    @Test
    void aLimitedProfileRunsOnItsErasOldestFirst() {
        ProfileSelection selection = new ProfileSelection(List.of("generic", "i915"),
                Map.of("generic", Set.of(KernelEra.V7_2, KernelEra.V5_10)));
        assertThat(selection.eras("generic")).containsExactly(KernelEra.V5_10, KernelEra.V7_2);
        assertThat(selection.runsOn("generic", KernelEra.V6_1)).isFalse();
        assertThat(selection.runsOn("generic", KernelEra.V7_2)).isTrue();
        assertThat(selection.eras("i915")).containsExactly(KernelEra.values());
        assertThat(selection.profiles()).containsExactly("generic", "i915");
    }

    @Test
    void limitsAreCopiedAndEveryEraIsNoLimit() {
        Set<KernelEra> eras = EnumSet.of(KernelEra.V6_1);
        ProfileSelection selection = new ProfileSelection(List.of("generic", "i915"),
                Map.of("generic", eras, "i915", EnumSet.allOf(KernelEra.class)));
        eras.add(KernelEra.V5_10);
        assertThat(selection.eras("generic")).containsExactly(KernelEra.V6_1);
        assertThat(selection.limitedEras()).containsOnlyKeys("generic");
        assertThat(new ProfileSelection(List.of("i915"), Map.of("i915", EnumSet.allOf(KernelEra.class))))
                .isEqualTo(ProfileSelection.of(List.of("i915")));
    }

    @Test
    void limitsNeedASelectedProfileThatFollowsErasAndSomeEra() {
        assertThatThrownBy(() -> new ProfileSelection(List.of("i915"), Map.of("generic", Set.of(KernelEra.V6_1))))
                .hasMessage("profile 'generic' is not selected");
        assertThatThrownBy(() -> new ProfileSelection(List.of("i915-2014"),
                Map.of("i915-2014", Set.of(KernelEra.V6_1)))).hasMessage("profile 'i915-2014' does not follow kernel eras");
        assertThatThrownBy(() -> new ProfileSelection(List.of("generic"), Map.of("generic", Set.of())))
                .hasMessage("profile 'generic' runs on no kernel era");
        assertThatThrownBy(() -> ProfileSelection.of(List.of("generic", "generic")))
                .hasMessage("profiles listed twice in [generic, generic]");
    }
}
