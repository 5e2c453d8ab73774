package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The engine's root: it keeps the configuration and the kernels that discovery found, for execution
 * to use, and when execution ends it stops the machines the kernel runs booted.
 */
final class UapiEngineDescriptor extends EngineDescriptor implements Node<RunContext> {
    private final EngineConfiguration configuration;
    private final KernelPlan kernels;

    UapiEngineDescriptor(UniqueId uniqueId, EngineConfiguration configuration) {
        super(uniqueId, UapiTestEngine.ENGINE_ID);
        this.configuration = configuration;
        this.kernels = KernelPlan.of(configuration);
    }

    EngineConfiguration configuration() {
        return configuration;
    }

    KernelPlan kernels() {
        return kernels;
    }

    @Override
    public void after(RunContext context) {
        context.close();
    }
}
