package org.uapispec.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.uapispec.bench.compile.CompileBenchmark;
import org.uapispec.bench.device.DeviceBenchmark;
import org.uapispec.bench.scaling.ScalingBenchmark;

/** Runs the JMH parts with the chosen settings and keys each score by "method" or "method n=N". */
final class JmhParts {
    /** A JMH primary result. */
    record Score(double value, double error, String unit) {
    }

    private final Settings settings;

    JmhParts(Settings settings) {
        this.settings = settings;
    }

    Map<String, Score> compile() {
        return run(base(CompileBenchmark.class)
                .warmupIterations(settings.compileWarmups())
                .measurementIterations(settings.compileIterations())
                .warmupTime(TimeValue.fromString(settings.compileTime()))
                .measurementTime(TimeValue.fromString(settings.compileTime())));
    }

    Map<String, Score> device() {
        return run(deviceTimes(base(DeviceBenchmark.class)));
    }

    Map<String, Score> scaling() {
        return run(deviceTimes(base(ScalingBenchmark.class))
                .param("n", settings.sizes().toArray(String[]::new))
                // The whole heap touched up front: on this VM the first touch of a page is slow enough
                // that a young generation growing into fresh memory made n = 1,000,000 up to 20x
                // slower with no collection at all (measured), which says nothing about the device.
                .jvmArgsAppend("-Xms8g", "-Xmx8g", "-XX:+AlwaysPreTouch"));
    }

    private ChainedOptionsBuilder deviceTimes(ChainedOptionsBuilder builder) {
        return builder.warmupIterations(settings.deviceWarmups())
                .measurementIterations(settings.deviceIterations())
                .warmupTime(TimeValue.fromString(settings.deviceTime()))
                .measurementTime(TimeValue.fromString(settings.deviceTime()));
    }

    private ChainedOptionsBuilder base(Class<?> benchmark) {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .forks(settings.forks())
                .threads(1)
                .shouldFailOnError(true);
        for (String profiler : settings.profilers()) {
            builder.addProfiler(profiler);
        }
        return builder;
    }

    private static Map<String, Score> run(ChainedOptionsBuilder options) {
        Collection<RunResult> results;
        try {
            results = new Runner(options.build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Score> scores = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String key = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String n = result.getParams().getParam("n");
            if (n != null) {
                key += " n=" + n;
            }
            var primary = result.getPrimaryResult();
            scores.put(key, new Score(primary.getScore(), primary.getScoreError(), primary.getScoreUnit()));
        }
        return scores;
    }
}
