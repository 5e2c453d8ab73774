package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** The engine's root: it keeps the configuration that discovery parsed, for execution to use. */
final class UapiEngineDescriptor extends EngineDescriptor {
    private final EngineConfiguration configuration;

    UapiEngineDescriptor(UniqueId uniqueId, EngineConfiguration configuration) {
        super(uniqueId, UapiTestEngine.ENGINE_ID);
        this.configuration = configuration;
    }

    EngineConfiguration configuration() {
        return configuration;
    }
}
