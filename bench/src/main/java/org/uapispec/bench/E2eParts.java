package org.uapispec.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.bench.e2e.E2eCorpus;

/**
 * The end-to-end comparison: the generated corpus run by each engine, in fresh JVMs (wall time from
 * before the JVM starts, one run per JVM) and in one warm JVM per engine (the launcher's own time
 * after warm-up runs). Every run must pass every scenario, or its figure would mean nothing.
 */
final class E2eParts {
    /** Median milliseconds per engine, JVM start included and excluded. */
    record Times(double coldMs, double warmMs, double warmDiscoverMs, double warmExecuteMs) {
    }

    private final Settings settings;
    private final Path corpus;

    E2eParts(Settings settings, Path corpus) {
        this.settings = settings;
        this.corpus = corpus;
    }

    void generate() {
        E2eCorpus.write(corpus, settings.e2eFiles(), settings.e2ePerFile());
    }

    /** Both engines; fresh-JVM runs alternate between them, so a change in load hits both alike. */
    Map<String, Times> measure(List<String> engines) {
        Map<String, List<Double>> cold = new LinkedHashMap<>();
        for (int i = 0; i < settings.e2eColdRuns(); i++) {
            for (String engine : engines) {
                Subprocess.Output out = Subprocess.java(List.of(), "org.uapispec.bench.e2e.E2eRun",
                        engine, corpus.toString());
                out.lines().forEach(l -> check(l, "cold"));
                cold.computeIfAbsent(engine, e -> new ArrayList<>()).add(out.nanos() / 1e6);
            }
        }
        Map<String, Times> times = new LinkedHashMap<>();
        for (String engine : engines) {
            times.put(engine, warm(engine, median(cold.get(engine))));
        }
        return times;
    }

    private Times warm(String engine, double coldMs) {
        Subprocess.Output warm = Subprocess.java(List.of(), "org.uapispec.bench.e2e.E2eWarm", engine,
                corpus.toString(), String.valueOf(settings.e2eWarmups()), String.valueOf(settings.e2eWarmRuns()));
        List<Double> warmMs = new ArrayList<>();
        List<Double> discoverMs = new ArrayList<>();
        List<Double> executeMs = new ArrayList<>();
        for (String line : warm.lines()) {
            check(line, "warm");
            if (line.startsWith("E2E")) {
                warmMs.add(Double.parseDouble(field(line, "ms")));
                discoverMs.add(Double.parseDouble(field(line, "discoverMs")));
                executeMs.add(Double.parseDouble(field(line, "executeMs")));
            }
        }
        return new Times(coldMs, median(warmMs), median(discoverMs), median(executeMs));
    }

    private void check(String line, String kind) {
        System.out.println("[e2e " + kind + "] " + line);
        if (!line.contains("E2E")) {
            return;
        }
        long succeeded = Long.parseLong(field(line, "succeeded"));
        if (!field(line, "failed").equals("0") || succeeded != settings.e2eScenarios()) {
            throw new IllegalStateException("an end-to-end run did not pass every scenario: " + line);
        }
    }

    static String field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("no " + name + " in " + line);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
