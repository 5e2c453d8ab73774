package org.uapispec.bench.e2e;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.nio.file.Path;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs one corpus through the JUnit Platform launcher with one engine: {@code uapispec} on the spec
 * directory, or {@code cucumber} on the feature directory with {@link
 * org.uapispec.bench.e2e.cucumber.CucumberSteps} as glue. As a program (the JVM-start-included
 * measurement) it runs once and prints one {@code E2E} line.
 */
public final class E2eRun {
    /** The outcome of one run. */
    public record Result(String engine, long nanos, long discoverNanos, long succeeded, long failed) {
        public String line() {
            return "E2E engine=" + engine + " ms=" + nanos / 1_000_000 + " discoverMs=" + discoverNanos / 1_000_000
                    + " executeMs=" + (nanos - discoverNanos) / 1_000_000 + " succeeded=" + succeeded
                    + " failed=" + failed;
        }
    }

    private E2eRun() {
    }

    public static Result run(String engine, Path corpus) {
        long start = System.nanoTime();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(EngineFilter.includeEngines(engine));
        if (engine.equals("cucumber")) {
            request.selectors(selectDirectory(corpus.resolve("features").toFile()))
                    .configurationParameter("cucumber.glue", "org.uapispec.bench.e2e.cucumber")
                    .configurationParameter("cucumber.publish.quiet", "true");
        } else {
            request.selectors(selectDirectory(corpus.resolve("specs").toFile()));
        }
        LauncherDiscoveryRequest built = request.build();
        Launcher launcher = LauncherFactory.create();
        TestPlan plan = launcher.discover(built);
        long discovered = System.nanoTime() - start;
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(plan, summary);
        long nanos = System.nanoTime() - start;
        TestExecutionSummary s = summary.getSummary();
        return new Result(engine, nanos, discovered, s.getTestsSucceededCount(),
                s.getTestsFailedCount() + s.getTestsAbortedCount() + s.getContainersFailedCount());
    }

    /** {@code E2eRun ENGINE CORPUS_DIR}: one run, one line on standard output. */
    public static void main(String[] args) {
        System.out.println(run(args[0], Path.of(args[1])).line());
    }
}
