package org.uapispec.engine;

import java.util.List;
import org.uapispec.api.FailureKind;

/**
 * A spec file that did not compile: the test for the file fails with every diagnostic, each with
 * its {@code file:line:col}, message and caret line. Not an assertion failure: the spec is broken,
 * not the device.
 */
final class SpecCompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Failure failure;

    public SpecCompileError(String file, List<String> diagnostics) {
        this(Failure.compileError(file, diagnostics));
    }

    private SpecCompileError(Failure failure) {
        super(failure.message(), null, false, false);
        this.failure = failure;
    }

    /** The error for {@code file}, already told to the context's report listener. */
    public static SpecCompileError reported(String file, List<String> diagnostics, RunContext context) {
        SpecCompileError error = new SpecCompileError(file, diagnostics);
        context.listener().scenarioFailed(error.failure);
        return error;
    }

    public List<String> diagnostics() {
        return failure.diagnostics();
    }

    /** The failure as a value (kind {@link FailureKind#COMPILE_ERROR}), for reports. */
    public Failure failure() {
        return failure;
    }
}
