package org.uapispec.grammar.check;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.model.Operation;

/**
 * What the check stage found: its diagnostics (errors stop compilation, warnings do not), and for a
 * spec without errors what lowering consumes: every call resolved against the call table, and the
 * names invariants see with the operations that bind them.
 *
 * @param calls        each call that passed, by syntax node (identity: equal calls in two places are two calls)
 * @param specBindings every name a step of the spec binds, with the operation of its first binding (which gives its type)
 */
public record CheckResult(List<Diagnostic> diagnostics, Map<Call, CheckedCall> calls,
        Map<String, Operation> specBindings) {
    public CheckResult {
        diagnostics = List.copyOf(diagnostics);
        calls = Collections.unmodifiableMap(new IdentityHashMap<>(calls));
        specBindings = Map.copyOf(specBindings);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The checked form of {@code call}; empty only for a call the checker rejected. */
    public Optional<CheckedCall> call(Call call) {
        return Optional.ofNullable(calls.get(call));
    }
}
