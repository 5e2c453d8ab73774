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

    /**
     * Adds a descriptor for every spec, scenario and run that {@code request} selects, and when some
     * configured kernels cannot run, one skipped test that says why.
     */
    static void discover(EngineDiscoveryRequest request, UapiEngineDescriptor engine) {
        EngineConfiguration configuration = engine.configuration();
        SpecLoader loader = new SpecLoader(configuration.discoveryParallelism());
        try {
            EngineDiscoveryRequestResolver.<EngineDescriptor>builder()
                    .addResourceContainerSelectorResolver(SpecSelectorResolver.SPEC_RESOURCES)
                    .addSelectorResolver(context -> new SpecSelectorResolver(engine.getUniqueId(), loader,
                            Targets.of(configuration, engine.kernels()),
                            DiscoveryIssueReporter.deduplicating(context.getIssueReporter())))
                    .addTestDescriptorVisitor(context -> TestDescriptor::prune)
                    .build()
                    .resolve(request, engine);
            // Whenever specs were selected, even if none has a run left (the kernel backend with no
            // kernel that can run): the reason is the one line the user sees.
            if (loader.loadedAny()) {
                engine.kernels().unavailable().ifPresent(reason ->
                        engine.addChild(new KernelsUnavailableDescriptor(engine.getUniqueId(),
                                configuration.backend().runsHost() ? "host" : "kernel", reason)));
            }
        } finally {
            loader.close();
        }
    }
}
