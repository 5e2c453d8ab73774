package org.uapispec.engine;

/** The configuration parameters the engine reads, all under the prefix {@code uapispec.}. */
public final class Constants {

    /**
     * Comma-separated profile names to run ({@code uapispec.profiles=i915,generic}); scenarios on no
     * listed profile are not discovered. Default: every profile each scenario names.
     */
    public static final String PROFILES = "uapispec.profiles";

    /**
     * What the scenarios run on: {@code model} (the reference device, the default; {@code reference}
     * is its older name), {@code kernel} (the prepared kernels of {@link #KERNELS}, in virtual
     * machines) or {@code both}: every scenario on the model as with {@code model}, and each run on a
     * kernel compares the kernel's answer to every step with the model's, answering as that kernel's
     * era, and fails where they differ; or {@code host}: this machine's own kernel and
     * {@code /dev/dri} nodes, through the agent as a local process ({@link #HOST_AGENT}), for the
     * profiles of today's drivers whose node the host has ({@code i915} on an Intel GPU,
     * {@code generic} after {@code modprobe vgem}), answering as the era of the host's release; it
     * needs root.
     */
    public static final String BACKEND = "uapispec.backend";

    /**
     * The kernel eras to run on with the {@code kernel} and {@code both} backends, comma-separated
     * ({@code uapispec.kernels=6.1,6.12}); default: every era {@code linux/setup/setup-kernels.sh}
     * knows. An era that is not prepared in {@link #KERNEL_CACHE} (or a machine without QEMU) gives
     * one skipped test that says so.
     */
    public static final String KERNELS = "uapispec.kernels";

    /**
     * The folder the kernel setup prepared kernels in; default: the setup's own default
     * ({@code $UAPISPEC_KERNEL_CACHE}, else {@code ~/.cache/uapispec/kernels}).
     */
    public static final String KERNEL_CACHE = "uapispec.kernel.cache";

    /** The emulator the kernel runs boot in: a path, or a name on the {@code PATH}; default {@code qemu-system-x86_64}. */
    public static final String QEMU = "uapispec.kernel.qemu";

    /**
     * The agent binary host mode ({@code uapispec.backend=host}) runs; default: the one the
     * {@code uapispec-linux} jar carries, built by gcc with the project.
     */
    public static final String HOST_AGENT = "uapispec.host.agent";

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
