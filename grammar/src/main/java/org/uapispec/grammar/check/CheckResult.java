package org.uapispec.grammar.check;

import java.util.List;
import org.uapispec.grammar.diag.Diagnostic;

/** The diagnostics of the check stage: errors stop compilation, warnings do not. */
public record CheckResult(List<Diagnostic> diagnostics) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
