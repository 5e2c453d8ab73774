package org.uapispec.bench;

import java.util.List;
import java.util.Set;

/**
 * How long each part runs. {@link #full} is what bench/README.md's figures come from (about 8
 * minutes on 2 cores); {@link #quick} is a smoke test of the whole pipeline (about 1 minute).
 */
record Settings(int forks, int compileWarmups, int compileIterations, String compileTime,
        int deviceWarmups, int deviceIterations, String deviceTime, List<String> sizes,
        int e2eFiles, int e2ePerFile, int e2eColdRuns, int e2eWarmups, int e2eWarmRuns,
        Set<String> parts, List<String> profilers) {

    static Settings full(Set<String> parts, List<String> profilers) {
        return new Settings(1, 3, 6, "4s", 3, 6, "1s", List.of("10000", "100000", "1000000"),
                100, 100, 5, 6, 7, parts, profilers);
    }

    static Settings quick(Set<String> parts, List<String> profilers) {
        return new Settings(1, 1, 1, "1s", 1, 1, "200ms", List.of("1000", "10000"),
                10, 20, 1, 1, 1, parts, profilers);
    }

    String describe() {
        return String.format("JMH %d fork(s), 1 thread; compile: %d x %s warm-up, %d x %s measured;"
                + " device and scaling: %d x %s warm-up, %d x %s measured; scaling sizes %s;"
                + " e2e: %d x %d scenarios, %d fresh-JVM runs, %d warm-up + %d measured warm runs (medians)",
                forks, compileWarmups, compileTime, compileIterations, compileTime, deviceWarmups, deviceTime,
                deviceIterations, deviceTime, sizes, e2eFiles, e2ePerFile, e2eColdRuns, e2eWarmups, e2eWarmRuns);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    int e2eScenarios() {
        return e2eFiles * e2ePerFile;
    }
}
