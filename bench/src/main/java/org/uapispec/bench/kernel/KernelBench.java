package org.uapispec.bench.kernel;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.linux.AgentClient;
import org.uapispec.linux.DriverNodes;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.LinuxBackend;
import org.uapispec.linux.Reply;
import org.uapispec.linux.Request;
import org.uapispec.linux.Vm;

/**
 * Issue 16's kernel figures, per prepared kernel: boot to the agent's first answer, the round trip
 * of one ioctl through the {@code Backend} port (GEM_CLOSE of a handle vgem never gave, EINVAL:
 * the kernel's whole ioctl path, no state), and the ioctls per second when they are pipelined to
 * the agent; then the whole vgem part of the conformance suite per kernel through the engine
 * ({@code uapispec.profiles=generic}, the kernel backend alone and both), boot included. Nothing is
 * asserted; it prints. Run it from the repository's root (the suite is read from
 * {@code specs/src/main/resources/specs}).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.uapispec.bench.kernel.KernelBench [--quick]</pre>
 */
public final class KernelBench {
    /** _IOW('d', 0x09, struct drm_gem_close): linux/AbiTest checks the same number against drm.h. */
    private static final long DRM_IOCTL_GEM_CLOSE = 0x4008_6409L;
    private static final Handle NEVER_GIVEN = new Handle(0x7fff_fff0);

    private KernelBench() {
    }

    public static void main(String[] args) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        int boots = quick ? 1 : 3;
        int roundTrips = quick ? 200 : 5_000;
        int pipelined = quick ? 1_000 : 20_000;
        List<Kernel> kernels = Kernel.inCache(Kernel.defaultCache());
        if (!Vm.qemuAvailable() || kernels.isEmpty()) {
            System.out.println("kernel bench skipped: QEMU or prepared kernels missing (run linux/setup/setup-kernels.sh)");
            return;
        }
        System.out.println("==== uapispec kernel bench (" + (quick ? "quick" : "full") + ") ====");
        System.out.println("load average before: " + load());
        for (Kernel kernel : kernels) {
            List<Double> bootSeconds = new ArrayList<>();
            for (int i = 0; i < boots - 1; i++) {
                long start = System.nanoTime();
                Vm.boot(kernel, java.time.Duration.ofSeconds(180)).close();
                bootSeconds.add((System.nanoTime() - start) / 1e9);
            }
            long start = System.nanoTime();
            try (Vm vm = Vm.boot(kernel, java.time.Duration.ofSeconds(180));
                    LinuxBackend backend = new LinuxBackend(vm.agent(), DriverNodes.scan(vm.agent()), "vgem")) {
                bootSeconds.add((System.nanoTime() - start) / 1e9);
                Pid p = value(backend.spawn(Credentials.ROOT));
                Fd f = value(backend.open(p, Node.card(0)));
                long[] nanos = new long[roundTrips];
                for (int i = 0; i < roundTrips; i++) {
                    long t = System.nanoTime();
                    backend.ioctl(p, f, new DrmIoctl.GemClose(NEVER_GIVEN));
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                AgentClient agent = vm.agent();
                byte[] argument = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putInt(NEVER_GIVEN.value()).array();
                List<Request> requests = new ArrayList<>(pipelined);
                for (int i = 0; i < pipelined; i++) {
                    requests.add(Request.ioctl(p, f, DRM_IOCTL_GEM_CLOSE, argument));
                }
                agent.pipeline(requests.subList(0, Math.min(1_000, pipelined)));
                long t = System.nanoTime();
                List<Reply> replies = agent.pipeline(requests);
                double seconds = (System.nanoTime() - t) / 1e9;
                long einval = replies.stream().filter(r -> r.errnoNumber() == 22).count();
                System.out.printf("Linux %-22s boot to first answer %s s; ioctl round trip p50 %d us, p99 %d us (%d calls);"
                        + " pipelined %,.0f ioctls/s (%d, %d EINVAL)%n", kernel.release(),
                        bootSeconds.stream().map(s -> String.format("%.1f", s)).toList(), nanos[roundTrips / 2] / 1000,
                        nanos[roundTrips * 99 / 100] / 1000, roundTrips, pipelined / seconds, pipelined, einval);
            }
        }
        Path suite = Path.of("specs/src/main/resources/specs");
        if (!Files.isDirectory(suite)) {
            System.out.println("suite timing skipped: run from the repository's root (" + suite + " is not there)");
        } else {
            for (Kernel kernel : kernels) {
                for (String backend : List.of("kernel", "both")) {
                    suite(suite, kernel, backend);
                }
            }
        }
        System.out.println("load average after: " + load());
    }

    /** The vgem part of the suite on one kernel, through the engine as a launcher runs it, boot included. */
    private static void suite(Path suite, Kernel kernel, String backend) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectDirectory(suite.toFile()))
                .filters(EngineFilter.includeEngines("uapispec"))
                .configurationParameter("uapispec.backend", backend)
                .configurationParameter("uapispec.kernels", kernel.era())
                .configurationParameter("uapispec.profiles", "generic")
                .configurationParameter("uapispec.report.allure", "false")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        long start = System.nanoTime();
        LauncherFactory.create().execute(request, summary);
        double seconds = (System.nanoTime() - start) / 1e9;
        TestExecutionSummary result = summary.getSummary();
        System.out.printf("Linux %-22s vgem suite, backend %-6s %d tests (%d passed, %d failed, %d skipped) in %.1f s,"
                + " boot included%n", kernel.release(), backend, result.getTestsFoundCount(),
                result.getTestsSucceededCount(), result.getTestsFailedCount(), result.getTestsSkippedCount(), seconds);
    }

    private static <T> T value(Outcome<T> outcome) {
        if (outcome instanceof Outcome.Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("the kernel refused the bench's setup: " + outcome);
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
