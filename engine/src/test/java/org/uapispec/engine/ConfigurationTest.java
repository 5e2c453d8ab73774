package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.uapispec.api.KernelEra;

class ConfigurationTest {

    @Test
    void theProfileFilterKeepsOnlyTheNamedProfiles() {
        TestDescriptor root = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.PROFILES, "generic")
                .selectors(selectPackage("good")).discover().getEngineDescriptor();
        assertThat(DiscoveryTest.testNames(root)).containsExactly(
                "closed numbers are reused/generic", "closing an unknown handle is EINVAL/generic",
                "gem_create by driver/generic", "zero width is EINVAL everywhere/generic");
    }

    @Test
    void tagFiltersSelectScenariosBySpecTag() {
        Events events = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .selectors(selectPackage("good")).filters(TagFilter.includeTags("dumb"))
                .execute().testEvents();
        events.assertStatistics(stats -> stats.started(4).succeeded(4));
    }

    @Test
    void anUnknownBackendIsRefusedByNameAtDiscovery() {
        assertThatThrownBy(() -> EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.BACKEND, "kernal")
                .selectors(selectClasspathResource("good/single.uapi")).discover())
                .hasStackTraceContaining("uapispec.backend=kernal: unknown backend (known: model, kernel, both, host)");
    }

    @Test
    void anUnknownKernelEraIsRefusedByNameAtDiscovery() {
        assertThatThrownBy(() -> EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.BACKEND, "kernel")
                .configurationParameter(Constants.KERNELS, "6.1, 6.2")
                .selectors(selectClasspathResource("good/single.uapi")).discover())
                .hasStackTraceContaining("uapispec.kernels=6.1, 6.2: unknown kernel era '6.2' (known: 5.10, 6.1, 6.12, 7.2)");
    }

    @Test
    void parallelExecutionGivesTheSameResultsAsSequential() {
        List<String> sequential = outcomes(run(false));
        List<String> parallel = outcomes(run(true));
        assertThat(parallel).isEqualTo(sequential).hasSize(12);
    }

    @Test
    void anExecutionParallelismThatIsNotAPositiveIntegerIsRefusedByName() {
        for (String bad : List.of("0", "-1", "four")) {
            assertThatThrownBy(() -> EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                    .configurationParameter(Constants.PARALLEL_EXECUTION_ENABLED, "true")
                    .configurationParameter(Constants.PARALLELISM, bad)
                    .selectors(selectClasspathResource("good/single.uapi")).discover())
                    .hasStackTraceContaining(Constants.PARALLELISM + "=" + bad + ": must be a positive integer");
        }
    }

    @Test
    void theParallelismIsReadOnlyWhenParallelExecutionIsOn() {
        EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.PARALLELISM, "four")
                .selectors(selectClasspathResource("good/single.uapi"))
                .execute().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void discoveryParsesTheConfigurationOnceAndTheEngineDescriptorKeepsIt() {
        TestDescriptor root = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.PROFILES, " generic , i915 ")
                .configurationParameter(Constants.BACKEND, " reference ")
                .configurationParameter(Constants.KERNELS, "6.12,6.1")
                .configurationParameter(Constants.REPORT_ALLURE, "false")
                .selectors(selectClasspathResource("good/single.uapi")).discover().getEngineDescriptor();
        assertThat(root).isInstanceOf(UapiEngineDescriptor.class);
        EngineConfiguration configuration = ((UapiEngineDescriptor) root).configuration();
        assertThat(configuration.profiles().only()).contains(java.util.Set.of("generic", "i915"));
        assertThat(configuration.backend()).isEqualTo(EngineConfiguration.BackendChoice.MODEL);
        assertThat(configuration.kernels()).containsExactly(KernelEra.V6_12, KernelEra.V6_1);
        assertThat(configuration.allure()).isFalse();
        assertThat(configuration.parallelism()).isEmpty();
    }

    private static Events run(boolean parallel) {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.PARALLEL_EXECUTION_ENABLED, Boolean.toString(parallel))
                .configurationParameter(Constants.PARALLELISM, "4")
                .selectors(selectPackage("good"), selectPackage("failing"), selectPackage("bad"))
                .execute().testEvents();
    }

    private static List<String> outcomes(Events events) {
        return events.finished().stream()
                .map(e -> e.getTestDescriptor().getUniqueId() + " " + status(e))
                .sorted().toList();
    }

    private static String status(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .map(r -> r.getStatus().toString()).orElse("?");
    }
}
