package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** {@code check predicate}: a boolean expression that must hold at this point of the scenario. */
public record Check(SourcePos pos, List<String> doc, Expr predicate) implements Statement {
    public Check {
        doc = List.copyOf(doc);
    }

    @Override
    public String kind() {
        return "check";
    }
}
