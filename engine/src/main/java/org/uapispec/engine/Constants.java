package org.uapispec.engine;

/** The configuration parameters the engine reads, all under the prefix {@code uapispec.}. */
public final class Constants {

    /**
     * Comma-separated profile names to run ({@code uapispec.profiles=i915,generic}); scenarios on no
     * listed profile are not discovered. Default: every profile each scenario names.
     */
    public static final String PROFILES = "uapispec.profiles";

    /** The backend to run on; only {@code reference} (the reference device, the default) exists. */
    public static final String BACKEND = "uapispec.backend";

    /** {@code true} runs scenarios in parallel through the platform's fork-join executor. */
    public static final String PARALLEL_EXECUTION_ENABLED = "uapispec.execution.parallel.enabled";

    /** How many scenarios run at once when parallel execution is enabled; default: the CPU count. */
    public static final String PARALLELISM = "uapispec.execution.parallel.parallelism";

    /**
     * How many threads compile spec files during discovery; default: the CPU count. {@code 1}
     * compiles them one by one as the platform resolves them. Discovery finds the same tests either way.
     */
    public static final String DISCOVERY_PARALLELISM = "uapispec.discovery.parallelism";

    /**
     * {@code false} keeps the engine from writing steps, labels and attachments into Allure even
     * when Allure is on the class path. Default {@code true}: Allure is used whenever it is there.
     */
    public static final String REPORT_ALLURE = "uapispec.report.allure";

    private Constants() {
    }
}
