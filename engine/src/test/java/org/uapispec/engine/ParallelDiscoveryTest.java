package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;

class ParallelDiscoveryTest {
    private static final DiscoverySelector[] MIXED = {
        selectPackage("good"),
        selectClasspathResource("bad/broken.uapi"),
        selectDirectory("src/test/resources/failing"),
        selectFile("src/test/resources/lineage/observe-after-exit.uapi"),
        selectUniqueId(UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append("resource", "warned/unused.uapi")
                .append("scenario", "UNKNOWN")),
        selectUniqueId(UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append("resource", "arguments/faithful.uapi")),
    };

    private static List<String> discovered(String parallelism) {
        TestDescriptor root = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .selectors(MIXED)
                .configurationParameter(Constants.DISCOVERY_PARALLELISM, parallelism)
                .discover().getEngineDescriptor();
        return root.getDescendants().stream()
                .map(d -> d.getUniqueId() + " " + d.getDisplayName() + " " + d.getSource().orElse(null))
                .toList();
    }

    @Test
    void compilingInParallelDiscoversWhatCompilingOneByOneDoes() {
        List<String> oneByOne = discovered("1");
        assertThat(oneByOne).hasSizeGreaterThan(10).anyMatch(line -> line.contains("bad/broken.uapi"));
        assertThat(discovered("4")).containsExactlyElementsOf(oneByOne);
        assertThat(discovered("64")).containsExactlyElementsOf(oneByOne);
    }

    @Test
    void scenariosSelectedByUniqueIdInSeveralFilesAreFoundWhenCompiledAhead() {
        UniqueId engine = UniqueId.forEngine(UapiTestEngine.ENGINE_ID);
        DiscoverySelector[] scenarios = {
            selectUniqueId(engine.append("resource", "good/handles.uapi").append("scenario", "closed numbers are reused")
                    .append("profile", "i915")),
            selectUniqueId(engine.append("resource", "good/per-profile.uapi").append("scenario", "gem_create by driver")),
        };
        for (String parallelism : List.of("1", "4")) {
            TestDescriptor root = EngineTestKit.engine(UapiTestEngine.ENGINE_ID).selectors(scenarios)
                    .configurationParameter(Constants.DISCOVERY_PARALLELISM, parallelism)
                    .discover().getEngineDescriptor();
            assertThat(DiscoveryTest.testNames(root)).as("parallelism " + parallelism).containsExactly(
                    "closed numbers are reused/i915", "gem_create by driver/generic", "gem_create by driver/i915-2019");
        }
    }

    @Test
    void aParallelismThatIsNotAPositiveIntegerIsRefusedByName() {
        for (String bad : List.of("0", "-2", "many")) {
            assertThatThrownBy(() -> discovered(bad))
                    .hasStackTraceContaining(Constants.DISCOVERY_PARALLELISM + "=" + bad + ": must be a positive integer");
        }
    }
}
