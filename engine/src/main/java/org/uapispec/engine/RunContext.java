package org.uapispec.engine;

import java.util.Optional;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.uapispec.api.Backend;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;

/** What every test of one execution shares: the backend choice. Each test gets its own backend. */
final class RunContext implements EngineExecutionContext {
    private final String backend;
    private final RunListener listener;

    private RunContext(String backend, RunListener listener) {
        this.backend = backend;
        this.listener = listener;
    }

    static RunContext from(EngineConfiguration configuration) {
        return new RunContext(configuration.backend(), RunListeners.load(configuration.allure()));
    }

    RunListener listener() {
        return listener;
    }

    /** A fresh backend whose device 0 follows {@code profileName}. */
    Backend newBackend(String profileName) {
        if (!backend.equals(EngineConfiguration.REFERENCE)) {
            throw new ConfigurationError(Constants.BACKEND + "=" + backend
                    + ": unknown backend (the only backend is '" + EngineConfiguration.REFERENCE + "')");
        }
        Optional<Profile> profile = Profiles.byName(profileName);
        if (profile.isEmpty()) {
            throw new ConfigurationError("unknown profile '" + profileName + "' (known: "
                    + String.join(", ", Profiles.names()) + ")");
        }
        return new ReferenceDevice(profile.get());
    }
}
