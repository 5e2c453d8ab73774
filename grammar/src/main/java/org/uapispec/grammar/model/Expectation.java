package org.uapispec.grammar.model;

import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * The outcomes a step accepts on each profile its scenario runs on. The map has an entry for every
 * profile of the scenario (lowering resolves {@code default} cases); each entry lists one or more
 * acceptable outcomes.
 */
public record Expectation(Map<String, List<Expected>> byProfile) {
    public Expectation {
        // Loops, not streams: lowering makes one expectation per step.
        Map<String, List<Expected>> copy = new HashMap<>(byProfile.size() * 2);
        byProfile.forEach((profile, outcomes) -> copy.put(profile, List.copyOf(outcomes)));
        byProfile = Map.copyOf(copy);
    }

    /** What the step may return on {@code profile}; empty for a profile the scenario does not run on. */
    public List<Expected> forProfile(String profile) {
        return byProfile.getOrDefault(profile, List.of());
    }

    /** Whether success is acceptable on {@code profile}. */
    public boolean allowsOk(String profile) {
        return forProfile(profile).contains(new Expected.Ok());
    }
}
