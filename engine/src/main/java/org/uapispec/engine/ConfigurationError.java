package org.uapispec.engine;

/** A configuration parameter names something that does not exist; the test fails with this message. */
final class ConfigurationError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigurationError(String message) {
        super(message, null, false, false);
    }
}
