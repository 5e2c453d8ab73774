package org.uapispec.engine.execution;

/** A configuration parameter names something that does not exist; the test fails with this message. */
public final class ConfigurationError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationError(String message) {
        super(message, null, false, false);
    }
}
