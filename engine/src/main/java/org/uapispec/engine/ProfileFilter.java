package org.uapispec.engine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uapispec.grammar.model.Scenario;

/** The profiles this run is limited to ({@link Constants#PROFILES}), or every profile. */
record ProfileFilter(Optional<Set<String>> only) {

    /** The profiles of {@code scenario} that run. */
    List<String> profilesOf(Scenario scenario) {
        return scenario.profiles().stream().filter(this::allows).toList();
    }

    /** Whether {@code profile} is among those the run is limited to. */
    boolean allows(String profile) {
        return only.map(set -> set.contains(profile)).orElse(true);
    }

    boolean runsAny(Scenario scenario) {
        return !profilesOf(scenario).isEmpty();
    }
}
