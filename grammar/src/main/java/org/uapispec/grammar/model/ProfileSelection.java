package org.uapispec.grammar.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/**
 * The profiles a spec or scenario runs on and, for each, the kernel eras: every era, unless its
 * {@code profiles [...]} list names some ({@code profiles [generic@6.1+, i915]}). Only a profile
 * that {@linkplain ProfileName#followsKernelEras() follows kernel eras} can be limited to some; to
 * the others the era does not matter, and they count as running on every one.
 *
 * @param profiles    the profiles, in the order written, each once
 * @param limitedEras the eras of each profile that runs on some eras only; most lists limit none,
 *                    and then this is the one empty map every such selection shares
 */
public record ProfileSelection(List<String> profiles, Map<String, Set<KernelEra>> limitedEras) {
    private static final Set<KernelEra> EVERY_ERA = Collections.unmodifiableSet(EnumSet.allOf(KernelEra.class));

    public ProfileSelection {
        profiles = List.copyOf(profiles);
        if (new HashSet<>(profiles).size() != profiles.size()) {
            throw new IllegalArgumentException("profiles listed twice in " + profiles);
        }
        limitedEras = limitedEras.isEmpty() ? Map.of() : limitsCopy(limitedEras, profiles);
    }

    /** {@code profiles}, each on every kernel era. */
    public static ProfileSelection of(List<String> profiles) {
        return new ProfileSelection(profiles, Map.of());
    }

    /**
     * The eras {@code profile} runs on, oldest first: every era unless the list limits it, none for
     * a profile that is not selected.
     */
    public Set<KernelEra> eras(String profile) {
        Set<KernelEra> limited = limitedEras.get(profile);
        if (limited != null) {
            return limited;
        }
        return profiles.contains(profile) ? EVERY_ERA : Set.of();
    }

    /** Whether {@code profile} runs on {@code era}. */
    public boolean runsOn(String profile, KernelEra era) {
        return eras(profile).contains(era);
    }

    /** A copy keeping order by era; a profile limited to every era is not limited. */
    private static Map<String, Set<KernelEra>> limitsCopy(Map<String, Set<KernelEra>> limitedEras,
            List<String> profiles) {
        Map<String, Set<KernelEra>> copy = new HashMap<>();
        limitedEras.forEach((profile, eras) -> {
            if (!profiles.contains(profile)) {
                throw new IllegalArgumentException("profile '" + profile + "' is not selected");
            }
            if (eras.isEmpty()) {
                throw new IllegalArgumentException("profile '" + profile + "' runs on no kernel era");
            }
            if (eras.size() == EVERY_ERA.size()) {
                return;
            }
            if (!ProfileName.byText(profile).map(ProfileName::followsKernelEras).orElse(false)) {
                throw new IllegalArgumentException("profile '" + profile + "' does not follow kernel eras");
            }
            copy.put(profile, Collections.unmodifiableSet(EnumSet.copyOf(eras)));
        });
        return copy.isEmpty() ? Map.of() : Map.copyOf(copy);
    }
}
