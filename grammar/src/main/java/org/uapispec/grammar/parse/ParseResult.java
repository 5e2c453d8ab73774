package org.uapispec.grammar.parse;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.diag.Diagnostic;

/**
 * What the parse stage produced: the syntax tree when the text was well-formed, and the
 * diagnostics (errors when it was not; there is no tree then).
 */
public final class ParseResult {
    private final Spec spec;
    private final List<Diagnostic> diagnostics;
    private final boolean fullContext;

    ParseResult(Spec spec, List<Diagnostic> diagnostics, boolean fullContext) {
        this.spec = spec;
        this.diagnostics = List.copyOf(Objects.requireNonNull(diagnostics, "diagnostics"));
        this.fullContext = fullContext;
    }

    /** The tree, present exactly when there are no error diagnostics. */
    public Optional<Spec> spec() {
        return Optional.ofNullable(spec);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** Whether SLL prediction failed and the text was parsed again with full LL prediction. */
    public boolean usedFullContext() {
        return fullContext;
    }
}
