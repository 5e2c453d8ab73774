package org.uapispec.engine;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/** The engine's discovery: the platform's resolver with the spec resolver plugged in. */
final class SpecDiscovery {
    private SpecDiscovery() {
    }

    /** Adds a descriptor for every spec, scenario and profile run that {@code request} selects. */
    static void discover(EngineDiscoveryRequest request, EngineDescriptor engine, EngineConfiguration configuration) {
        SpecLoader loader = new SpecLoader(configuration.discoveryParallelism());
        try {
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addResourceContainerSelectorResolver(SpecSelectorResolver.SPEC_RESOURCES)
                    .addSelectorResolver(context -> new SpecSelectorResolver(engine.getUniqueId(), loader,
                            configuration.profiles(),
                            DiscoveryIssueReporter.deduplicating(context.getIssueReporter())))
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build()
                    .resolve(request, engine);
        } finally {
            loader.close();
        }
    }
}
