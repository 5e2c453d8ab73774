package org.uapispec.engine;

import java.util.List;

/**
 * A spec file that did not compile: the test for the file fails with every diagnostic, each with
 * its {@code file:line:col}, message and caret line. Not an assertion failure: the spec is broken,
 * not the device.
 */
final class SpecCompileError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> diagnostics;

    public SpecCompileError(String file, List<String> diagnostics) {
        super(file + " does not compile (" + diagnostics.size() + " diagnostic"
                + (diagnostics.size() == 1 ? "" : "s") + "):\n" + String.join("\n", diagnostics), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<String> diagnostics() {
        return diagnostics;
    }
}
