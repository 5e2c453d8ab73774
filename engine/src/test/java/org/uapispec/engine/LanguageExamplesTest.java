package org.uapispec.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The language examples that grammar/README.md teaches from (grammar/examples) pass on the
 * reference device, so the documentation states what the device really does.
 */
class LanguageExamplesTest {

    @Test
    void everyExampleRunsGreenOnEveryProfileItNames() {
        EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .selectors(selectDirectory("../grammar/examples"))
                .execute().testEvents()
                .assertStatistics(stats -> stats.started(16).succeeded(16).failed(0));
    }
}
