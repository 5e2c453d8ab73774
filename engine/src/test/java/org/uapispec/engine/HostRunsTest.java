package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.linux.HostMachine;
import org.uapispec.linux.LocalAgent;

/**
 * The host backend (host mode) as far as a machine without a GPU shows it: which tests a host with
 * given drivers runs and their ids, and the one skipped test that says why nothing ran here.
 */
class HostRunsTest {
    private static final String RELEASE = System.getProperty("os.version");

    private static EngineTestKit.Builder engine() {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.BACKEND, "host")
                .configurationParameter(Constants.REPORT_ALLURE, "false");
    }

    private static String skipReason(Events events) {
        return events.skipped().stream().map(e -> e.getPayload(String.class).orElse("")).findFirst().orElseThrow();
    }

    @Test
    void aHostWithoutTheProfilesDriversGivesOneSkippedTestNamingWhatItHas() throws IOException {
        assumeTrue(HostMachine.runsAsRoot(), "host mode needs root");
        assumeTrue(LocalAgent.bundled().isPresent(), "no agent in the build (gcc was missing)");
        try (Stream<Path> nodes = Files.exists(Path.of("/dev/dri")) ? Files.list(Path.of("/dev/dri")) : Stream.empty()) {
            assumeTrue(nodes.findAny().isEmpty(), "this machine has DRM nodes");
        }

        Events events = engine().selectors(selectClasspathResource("good/handles.uapi")).execute().testEvents();

        events.assertStatistics(stats -> stats.skipped(1).started(0));
        assertThat(events.skipped().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("host tests: not run");
        assertThat(skipReason(events)).isEqualTo("host tests not run on this host (Linux " + RELEASE + "): profiles"
                + " generic (no vgem node), virtio-gpu (no virtio_gpu node), bochs (no bochs node), qxl (no qxl node),"
                + " cirrus (no cirrus node), radeon (no radeon node), i915 (no i915 node); its DRM drivers: none");
    }

    @Test
    void anAgentThatIsNotThereGivesOneSkippedTest() throws IOException {
        assumeTrue(HostMachine.runsAsRoot(), "host mode needs root");

        Events events = engine().configurationParameter(Constants.HOST_AGENT, "/nonexistent/agent")
                .selectors(selectClasspathResource("good/handles.uapi")).execute().testEvents();

        events.assertStatistics(stats -> stats.skipped(1).started(0));
        assertThat(skipReason(events)).isEqualTo("host tests not run on this host (Linux " + RELEASE + "): "
                + Constants.HOST_AGENT + "=/nonexistent/agent is not an executable file");
    }

    private static final String SPEC = String.join("\n",
            "spec \"host\" {",
            "  profiles [generic, i915, i915-2019]",
            "  setup {",
            "    p = spawn()",
            "    f = open(p)",
            "  }",
            "  scenario \"every profile\" {",
            "    gem_close(f, 42) -> EINVAL",
            "  }",
            "  scenario \"before 6.1\" {",
            "    profiles [generic@5.10]",
            "    gem_close(f, 42) -> EINVAL",
            "  }",
            "}");

    @Test
    void aHostRunsTheProfilesOfTheDriversItHasAtItsEraNamedByItsRelease() {
        RealKernel.OnHost host = new RealKernel.OnHost("6.8.0-45-generic", HostMachine.eraOf("6.8.0-45-generic"));
        KernelPlan plan = new KernelPlan(List.of(), "qemu", Optional.of(new KernelPlan.Host(host,
                new HostMachine(Path.of("/nonexistent/agent"), Duration.ofSeconds(1)), Set.of("vgem", "amdgpu"))),
                Optional.empty());
        Targets targets = new Targets(new ProfileFilter(Optional.empty()), EngineConfiguration.BackendChoice.HOST, plan);
        SpecModel spec = SpecCompiler.modelOrThrow(new SpecCompiler().compile("host.uapi", SPEC));
        Scenario every = spec.scenarios().get(0);
        UniqueId scenario = UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append(ScenarioDescriptor.SEGMENT, "every");

        // i915 needs its node, i915-2019 is no host's kernel: only generic runs, on vgem, as 6.1.
        assertThat(targets.of(every)).singleElement().satisfies(t -> {
            assertThat(t.era()).isEqualTo(KernelEra.V6_1);
            assertThat(t.withModel()).isFalse();
            assertThat(t.label()).isEqualTo("generic on this host (Linux 6.8.0-45-generic)");
            assertThat(Targets.idOf(scenario, t)).isEqualTo(scenario.append("host", "generic@6.8.0-45-generic"));
            assertThat(targets.named(every, "host", "generic@6.8.0-45-generic")).contains(t);
        });
        assertThat(targets.isSingleTest(every)).isFalse();
        assertThat(targets.of(spec.scenarios().get(1))).as("a scenario for 5.10 only, on a 6.8 host").isEmpty();
    }
}
