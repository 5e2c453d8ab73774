package org.uapispec.grammar.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/**
 * The outcomes a step accepts on each profile its scenario runs on, and on each kernel era where a
 * profile's outcome depends on it.
 *
 * <p>{@code byProfile} has an entry for every profile of the scenario (lowering resolves
 * {@code default} cases): what the profile accepts answering as {@link KernelEra#newest()}. Each
 * entry lists one or more acceptable outcomes. {@code byEra} holds, only for the profiles whose
 * outcome differs between eras ({@code generic@6.1+: EINVAL}), what each era accepts; most steps
 * have none, and a profile that does not {@linkplain ProfileName#followsKernelEras() follow kernel
 * eras} never has one.
 */
public record Expectation(Map<String, List<Expected>> byProfile, Map<String, Map<KernelEra, List<Expected>>> byEra) {
    public Expectation {
        // Loops, not streams: lowering makes one expectation per step.
        Map<String, List<Expected>> copy = new HashMap<>(byProfile.size() * 2);
        byProfile.forEach((profile, outcomes) -> copy.put(profile, List.copyOf(outcomes)));
        byProfile = Map.copyOf(copy);
        byEra = byEra.isEmpty() ? Map.of() : erasCopy(byEra, byProfile);
    }

    /** The same outcomes on every kernel era. */
    public Expectation(Map<String, List<Expected>> byProfile) {
        this(byProfile, Map.of());
    }

    private static Map<String, Map<KernelEra, List<Expected>>> erasCopy(Map<String, Map<KernelEra, List<Expected>>> byEra,
            Map<String, List<Expected>> byProfile) {
        Map<String, Map<KernelEra, List<Expected>>> copy = new HashMap<>(byEra.size() * 2);
        byEra.forEach((profile, eras) -> {
            if (!ProfileName.byText(profile).map(ProfileName::followsKernelEras).orElse(false)) {
                throw new IllegalArgumentException("profile '" + profile + "' does not follow kernel eras");
            }
            EnumMap<KernelEra, List<Expected>> each = new EnumMap<>(KernelEra.class);
            eras.forEach((era, outcomes) -> each.put(era, List.copyOf(outcomes)));
            if (each.size() != KernelEra.values().length) {
                throw new IllegalArgumentException("profile '" + profile + "' needs an outcome for every kernel era");
            }
            if (!each.get(KernelEra.newest()).equals(byProfile.get(profile))) {
                throw new IllegalArgumentException("profile '" + profile + "' accepts other outcomes at "
                        + KernelEra.newest() + " than its own");
            }
            copy.put(profile, Collections.unmodifiableMap(each));
        });
        return Map.copyOf(copy);
    }

    /**
     * What the step may return on {@code profile} answering as the newest kernel era; empty for a
     * profile the scenario does not run on.
     */
    public List<Expected> forProfile(String profile) {
        return byProfile.getOrDefault(profile, List.of());
    }

    /**
     * What the step may return on {@code profile} answering as {@code era}; for a profile that does
     * not follow kernel eras, what it returns anyway. Empty for a profile the scenario does not run on.
     */
    public List<Expected> forTarget(String profile, KernelEra era) {
        Map<KernelEra, List<Expected>> eras = byEra.get(profile);
        return eras == null ? forProfile(profile) : eras.get(era);
    }

    /** Whether success is acceptable on {@code profile} answering as the newest kernel era. */
    public boolean allowsOk(String profile) {
        return forProfile(profile).contains(new Expected.Ok());
    }

    /** Whether some profile accepts other outcomes on one kernel era than on another. */
    public boolean differsByEra() {
        return !byEra.isEmpty();
    }
}
