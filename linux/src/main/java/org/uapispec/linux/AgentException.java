package org.uapispec.linux;

/**
 * The conversation with the agent broke down: it closed the connection, did not answer in time, or
 * sent something that is not an answer. Never a kernel error: those are {@link Reply} values.
 */
public final class AgentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AgentException(String message) {
        super(message);
    }

    AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
