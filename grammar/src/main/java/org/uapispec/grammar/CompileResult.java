package org.uapispec.grammar;

import java.util.List;
import java.util.Optional;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.model.SpecModel;

/** The outcome of compiling a spec: the model (perhaps with warnings), or the errors that stopped it. */
public sealed interface CompileResult {

    /** Every diagnostic, sorted by position: errors on failure, possibly warnings on success. */
    List<Diagnostic> diagnostics();

    /** The model when compilation succeeded. */
    Optional<SpecModel> spec();

    record Success(SpecModel model, List<Diagnostic> diagnostics) implements CompileResult {
        public Success {
            diagnostics = sorted(diagnostics);
        }

        @Override
        public Optional<SpecModel> spec() {
            return Optional.of(model);
        }
    }

    record Failure(List<Diagnostic> diagnostics) implements CompileResult {
        public Failure {
            diagnostics = sorted(diagnostics);
            if (diagnostics.stream().noneMatch(Diagnostic::isError)) {
                throw new IllegalArgumentException("a failure needs at least one error");
            }
        }

        @Override
        public Optional<SpecModel> spec() {
            return Optional.empty();
        }
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted().toList();
    }
}
