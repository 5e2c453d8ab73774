package org.uapispec.engine;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;

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
        UapiEngineDescriptor engine = new UapiEngineDescriptor(uniqueId,
                EngineConfiguration.from(request.getConfigurationParameters()));
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
        OptionalInt parallelism = configuration(request).parallelism();
        if (parallelism.isPresent()) {
            return new ForkJoinPoolHierarchicalTestExecutorService(new FixedParallelism(parallelism.getAsInt()));
        }
        return super.createExecutorService(request);
    }

    @Override
    protected RunContext createExecutionContext(ExecutionRequest request) {
        if (request.getRootTestDescriptor() instanceof UapiEngineDescriptor engine) {
            return RunContext.from(engine.configuration(), engine.kernels());
        }
        EngineConfiguration configuration = configuration(request);
        return RunContext.from(configuration, KernelPlan.of(configuration));
    }

    /** The configuration discovery parsed, kept by the engine descriptor the request runs. */
    private static EngineConfiguration configuration(ExecutionRequest request) {
        return request.getRootTestDescriptor() instanceof UapiEngineDescriptor engine ? engine.configuration()
                : EngineConfiguration.from(request.getConfigurationParameters());
    }
}
