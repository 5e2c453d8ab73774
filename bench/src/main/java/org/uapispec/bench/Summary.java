package org.uapispec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uapispec.bench.JmhParts.Score;
import org.uapispec.bench.corpus.SpecCorpus;
import org.uapispec.bench.corpus.SpecCorpus.SpecText;

/** Collects the figures of each part and prints them, with ratios and targets, as one table. */
final class Summary {
    private final Settings settings;
    private final List<String> rows = new ArrayList<>();

    Summary(Settings settings) {
        this.settings = settings;
    }

    void compile(List<SpecText> corpus, Map<String, Score> scores) {
        int lines = SpecCorpus.lines(corpus);
        section("compile: " + corpus.size() + " generated spec files, " + lines + " lines, one op = the whole corpus");
        double full = linesPerSecond(lines, scores.get("fullCompile"));
        double parse = linesPerSecond(lines, scores.get("parseStage"));
        double bare = linesPerSecond(lines, scores.get("bareSllParse"));
        row("full compile (parse, check, lower)", scores.get("fullCompile"), fmt(full) + " lines/s");
        row("compiler parse stage only", scores.get("parseStage"), fmt(parse) + " lines/s");
        row("bare ANTLR SLL parse", scores.get("bareSllParse"), fmt(bare) + " lines/s");
        verdict("full compile / bare parse", percent(full / bare), full / bare >= 0.70, ">= 70%");
    }

    void device(Map<String, Score> scores) {
        section("reference device: operations per second, one thread (i915 profile)");
        scores.forEach((name, score) -> row(name, score, fmt2(1e9 / score.value()) + " ns per call"));
        Score mix = scores.get("mix");
        verdict("mix", fmt(mix.value()) + " ops/s", mix.value() >= 2_000_000, ">= 2,000,000 ops/s");
    }

    void scaling(Map<String, Score> scores) {
        section("scaling: time per operation with n live objects in one process");
        List<String> sizes = settings.sizes();
        for (String op : List.of("userptrCreateInvalidate", "mmapOffsetLookup", "mmapOffsetSameObject")) {
            Score first = scores.get(op + " n=" + sizes.get(0));
            for (String n : sizes) {
                Score s = scores.get(op + " n=" + n);
                row(op + " n=" + n, s, "x" + fmt2(s.value() / first.value()) + " vs n=" + sizes.get(0));
            }
            Score last = scores.get(op + " n=" + sizes.get(sizes.size() - 1));
            double growth = last.value() / first.value();
            double logGrowth = Math.log(Double.parseDouble(sizes.get(sizes.size() - 1)))
                    / Math.log(Double.parseDouble(sizes.get(0)));
            verdict(op + " growth " + sizes.get(0) + " -> " + sizes.get(sizes.size() - 1), "x" + fmt2(growth),
                    growth <= logGrowth, "<= x" + fmt2(logGrowth) + " (log n)");
        }
    }

    void memory(List<String> lines) {
        section("memory: retained heap per live object after a full GC");
        double userptrAtLargest = 0;
        for (String line : lines) {
            if (!line.startsWith("MEM")) {
                continue;
            }
            String kind = E2eParts.field(line, "kind");
            double bytes = Double.parseDouble(E2eParts.field(line, "bytesPerObject"));
            rows.add(String.format("  %-48s %14s", kind + " objects n=" + E2eParts.field(line, "n"), fmt(bytes) + " B/object"));
            if (kind.equals("userptr")) {
                userptrAtLargest = bytes;
            }
        }
        verdict("idle userptr object at n=" + settings.sizes().get(settings.sizes().size() - 1),
                fmt(userptrAtLargest) + " B", userptrAtLargest <= 300, "<= 300 B");
    }

    void e2e(Map<String, E2eParts.Times> times) {
        int n = settings.e2eScenarios();
        section("end to end: " + n + " generated scenarios through the JUnit Platform launcher (median ms)");
        times.forEach((engine, t) -> {
            rows.add(String.format("  %-48s %10.0f ms %12s", engine + ", JVM start included", t.coldMs(), fmt(n / t.coldMs() * 1000) + " scen/s"));
            rows.add(String.format("  %-48s %10.0f ms %12s", engine + ", warm JVM", t.warmMs(), fmt(n / t.warmMs() * 1000) + " scen/s"));
            rows.add(String.format("  %-48s %10.0f ms", engine + ", warm JVM: discovery (median)", t.warmDiscoverMs()));
            rows.add(String.format("  %-48s %10.0f ms", engine + ", warm JVM: execution (median)", t.warmExecuteMs()));
        });
        E2eParts.Times ours = times.get("uapispec");
        E2eParts.Times cucumber = times.get("cucumber");
        double cold = cucumber.coldMs() / ours.coldMs();
        double warm = cucumber.warmMs() / ours.warmMs();
        verdict("engine speed-up over Cucumber, JVM start included", "x" + fmt2(cold), cold >= 10, ">= x10");
        verdict("engine speed-up over Cucumber, warm JVM", "x" + fmt2(warm), warm >= 10, ">= x10");
    }

    void print(double seconds, String loadBefore, String loadAfter) {
        System.out.println();
        System.out.println("==== uapispec benchmarks: summary (" + (settings.e2eColdRuns() > 1 ? "full" : "quick")
                + " settings, " + String.format("%.0f", seconds) + " s) ====");
        System.out.println("settings: " + settings.describe());
        System.out.println("load average (1, 5, 15 min) before: " + loadBefore + "   after: " + loadAfter);
        rows.forEach(System.out::println);
    }

    private void section(String title) {
        rows.add("");
        rows.add("-- " + title);
    }

    private void row(String name, Score score, String derived) {
        rows.add(String.format("  %-48s %12s ± %-10s %-8s %s", name, fmt2(score.value()), fmt2(score.error()),
                score.unit(), derived));
    }

    private void verdict(String what, String value, boolean met, String target) {
        rows.add(String.format("  => %-45s %14s  target %-22s %s", what, value, target, met ? "MET" : "MISSED"));
    }

    private static double linesPerSecond(int lines, Score msPerOp) {
        return lines / (msPerOp.value() / 1000);
    }

    private static String fmt(double v) {
        return String.format("%,.0f", v);
    }

    private static String fmt2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.2f", v);
    }

    private static String percent(double v) {
        return String.format("%.1f%%", v * 100);
    }
}
