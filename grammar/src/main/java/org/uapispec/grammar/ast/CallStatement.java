package org.uapispec.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code [name =] call(args) [-> outcome]}.
 *
 * @param binding the name the result is bound to, or null when the result is not bound
 * @param outcome the expected outcome ({@link OutcomeClause.Implicit} when the step has no {@code ->})
 */
public record CallStatement(SourcePos pos, List<String> doc, Name binding, Call call, OutcomeClause outcome) implements Statement {
    public CallStatement {
        doc = List.copyOf(doc);
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String kind() {
        return "step";
    }

    public Optional<Name> bindingName() {
        return Optional.ofNullable(binding);
    }
}
