package org.uapispec.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.uapispec.bench.compile.CompileBenchmark;
import org.uapispec.bench.corpus.SpecCorpus;

/**
 * Runs every benchmark of issue 10 and prints every figure, ratios and targets included, as one
 * summary at the end.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar [--quick] [--parts=compile,device,scaling,memory,e2e]
 *                                       [--prof=gc] [--corpus=DIR]
 * </pre>
 */
public final class BenchMain {
    private static final List<String> ALL_PARTS = List.of("compile", "device", "scaling", "memory", "e2e");

    private BenchMain() {
    }

    public static void main(String[] args) {
        boolean quick = false;
        Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
        List<String> profilers = new ArrayList<>();
        Path corpus = Path.of("bench", "target", "e2e-corpus");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--parts=")) {
                parts = new LinkedHashSet<>(Arrays.asList(arg.substring(8).split(",")));
            } else if (arg.startsWith("--prof=")) {
                profilers.add(arg.substring(7));
            } else if (arg.startsWith("--corpus=")) {
                corpus = Path.of(arg.substring(9));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        Settings settings = quick ? Settings.quick(parts, profilers) : Settings.full(parts, profilers);
        Summary summary = new Summary(settings);
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        JmhParts jmh = new JmhParts(settings);
        if (settings.runs("compile")) {
            summary.compile(SpecCorpus.generate(CompileBenchmark.MIN_LINES, CompileBenchmark.SEED), jmh.compile());
        }
        if (settings.runs("device")) {
            summary.device(jmh.device());
        }
        if (settings.runs("scaling")) {
            summary.scaling(jmh.scaling());
        }
        if (settings.runs("memory")) {
            Subprocess.Output out = Subprocess.java(List.of("-Xmx12g"), "org.uapispec.bench.scaling.MemoryProbe",
                    settings.sizes().toArray(String[]::new));
            summary.memory(out.lines());
        }
        if (settings.runs("e2e")) {
            E2eParts e2e = new E2eParts(settings, corpus);
            e2e.generate();
            summary.e2e(e2e.measure(List.of("uapispec", "cucumber")));
        }
        summary.print((System.nanoTime() - start) / 1e9, loadBefore, loadAverage());
    }

    /** The machine's load average, to judge how much other work shared the cores. */
    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
