package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.testkit.engine.EngineTestKit;

class SpecPrefetchTest {
    private static final DiscoverySelector[] MIXED = {
        selectPackage("good"),
        selectClasspathResource("bad/broken.uapi"),
        selectDirectory("src/test/resources/failing"),
        selectFile("src/test/resources/lineage/observe-after-exit.uapi"),
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
    void everySelectorKindThatNamesSpecFilesIsCompiledAhead() {
        var request = LauncherDiscoveryRequestBuilder.request().selectors(MIXED).build();
        assertThat(SpecPrefetch.sources(request)).extracting(SpecSource::displayName).containsExactlyInAnyOrder(
                "good/handles.uapi", "good/per-profile.uapi", "good/single.uapi", "bad/broken.uapi",
                "invariant.uapi", "wrong-errno.uapi", "observe-after-exit.uapi");
        assertThat(SpecPrefetch.sources(request)).contains(
                new SpecSource.File(Path.of("src/test/resources/failing/invariant.uapi")));
    }

    @Test
    void aParallelismThatIsNotAPositiveIntegerIsRefusedByName() {
        for (String bad : List.of("0", "-2", "many")) {
            assertThatThrownBy(() -> discovered(bad))
                    .hasStackTraceContaining(Constants.DISCOVERY_PARALLELISM + "=" + bad + ": must be a positive integer");
        }
    }
}
