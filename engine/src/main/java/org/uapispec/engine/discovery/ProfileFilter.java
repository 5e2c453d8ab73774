package org.uapispec.engine.discovery;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;
import org.uapispec.engine.Constants;
import org.uapispec.grammar.model.Scenario;

/** The profiles this run is limited to ({@link Constants#PROFILES}), or every profile. */
record ProfileFilter(Optional<Set<String>> only) {

    static ProfileFilter from(ConfigurationParameters parameters) {
        return new ProfileFilter(parameters.get(Constants.PROFILES)
                .map(value -> Arrays.stream(value.split(","))
                        .map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet())));
    }

    /** The profiles of {@code scenario} that run. */
    List<String> profilesOf(Scenario scenario) {
        return scenario.profiles().stream().filter(p -> only.map(set -> set.contains(p)).orElse(true)).toList();
    }

    boolean runsAny(Scenario scenario) {
        return !profilesOf(scenario).isEmpty();
    }
}
