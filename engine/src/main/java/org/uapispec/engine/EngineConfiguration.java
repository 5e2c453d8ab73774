package org.uapispec.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Every configuration parameter of {@link Constants}, parsed once per discovery into one value: the
 * engine descriptor keeps it, and execution reads it from there. A value that cannot be parsed stops
 * discovery with a message naming the parameter; a backend or profile name is checked when a test
 * asks for it, so that the tests fail with the message rather than the run.
 *
 * @param profiles             the profiles the run is limited to ({@link Constants#PROFILES})
 * @param backend              the backend's name ({@link Constants#BACKEND})
 * @param parallelism          how many scenarios run at once; empty runs them one by one
 *                             ({@link Constants#PARALLEL_EXECUTION_ENABLED}, {@link Constants#PARALLELISM})
 * @param discoveryParallelism how many threads compile spec files ({@link Constants#DISCOVERY_PARALLELISM})
 * @param allure               whether the engine writes into Allure when it is there ({@link Constants#REPORT_ALLURE})
 */
record EngineConfiguration(ProfileFilter profiles, String backend, OptionalInt parallelism, int discoveryParallelism,
        boolean allure) {

    /** The only backend so far. */
    static final String REFERENCE = "reference";

    static EngineConfiguration from(ConfigurationParameters parameters) {
        int processors = Runtime.getRuntime().availableProcessors();
        OptionalInt parallelism = parameters.getBoolean(Constants.PARALLEL_EXECUTION_ENABLED).orElse(false)
                ? OptionalInt.of(positive(parameters, Constants.PARALLELISM, processors))
                : OptionalInt.empty();
        return new EngineConfiguration(
                new ProfileFilter(parameters.get(Constants.PROFILES).map(EngineConfiguration::names)),
                parameters.get(Constants.BACKEND).map(String::trim).orElse(REFERENCE),
                parallelism,
                positive(parameters, Constants.DISCOVERY_PARALLELISM, processors),
                parameters.getBoolean(Constants.REPORT_ALLURE).orElse(true));
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A positive integer parameter, or {@code fallback} when it is not set. */
    private static int positive(ConfigurationParameters parameters, String key, int fallback) {
        Optional<String> raw = parameters.get(key).map(String::trim);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the parameter's name
        }
        throw new JUnitException(key + "=" + raw.get() + ": must be a positive integer");
    }
}
