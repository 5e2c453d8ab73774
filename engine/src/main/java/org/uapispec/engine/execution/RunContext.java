package org.uapispec.engine.execution;

import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.uapispec.api.Backend;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.engine.Constants;

/** What every test of one execution shares: the backend choice. Each test gets its own backend. */
public final class RunContext implements EngineExecutionContext {
    /** The only backend so far. */
    public static final String REFERENCE = "reference";

    private final String backend;
    private final RunListener listener;

    private RunContext(String backend, RunListener listener) {
        this.backend = backend;
        this.listener = listener;
    }

    public static RunContext from(ConfigurationParameters parameters) {
        return new RunContext(parameters.get(Constants.BACKEND).map(String::trim).orElse(REFERENCE),
                RunListeners.load(parameters.getBoolean(Constants.REPORT_ALLURE).orElse(true)));
    }

    RunListener listener() {
        return listener;
    }

    /** A fresh backend whose device 0 follows {@code profileName}. */
    Backend newBackend(String profileName) {
        if (!backend.equals(REFERENCE)) {
            throw new ConfigurationError(Constants.BACKEND + "=" + backend
                    + ": unknown backend (the only backend is '" + REFERENCE + "')");
        }
        Optional<Profile> profile = Profiles.byName(profileName);
        if (profile.isEmpty()) {
            throw new ConfigurationError("unknown profile '" + profileName + "' (known: "
                    + String.join(", ", Profiles.names()) + ")");
        }
        return new ReferenceDevice(profile.get());
    }
}
