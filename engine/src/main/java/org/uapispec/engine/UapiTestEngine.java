package org.uapispec.engine;

import java.util.Optional;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.uapispec.engine.discovery.SpecDiscovery;
import org.uapispec.engine.execution.RunContext;

/**
 * The {@code uapispec} test engine: discovers {@code .uapi} spec files on the classpath or the file
 * system, and runs every scenario on every profile it names, each on a fresh backend.
 *
 * <p>Configuration parameters are listed in {@link Constants}.
 */
public final class UapiTestEngine extends HierarchicalTestEngine<RunContext> {
    /** The engine id, as in {@code [engine:uapispec]}. */
    public static final String ENGINE_ID = "uapispec";

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.uapispec");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("uapispec-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "uapispec");
        SpecDiscovery.discover(request, engine);
        return engine;
    }

    /**
     * The fork-join executor when {@link Constants#PARALLEL_EXECUTION_ENABLED} is set. JUnit 6.1
     * deprecates this constructor in favour of a factory that JUnit 5.14 lacks; the engine supports
     * both lines, so it keeps the constructor both have.
     */
    @Override
    @SuppressWarnings("deprecation")
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        if (request.getConfigurationParameters().getBoolean(Constants.PARALLEL_EXECUTION_ENABLED).orElse(false)) {
            int parallelism = request.getConfigurationParameters()
                    .get(Constants.PARALLELISM, Integer::valueOf)
                    .orElse(Runtime.getRuntime().availableProcessors());
            return new ForkJoinPoolHierarchicalTestExecutorService(new FixedParallelism(parallelism));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected RunContext createExecutionContext(ExecutionRequest request) {
        return RunContext.from(request.getConfigurationParameters());
    }
}
