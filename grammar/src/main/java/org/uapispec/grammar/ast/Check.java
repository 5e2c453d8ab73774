package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code check predicate}: a boolean expression that must hold at this point of the scenario; or
 * {@code require predicate}, whose falsehood skips the run instead of failing it.
 */
public record Check(SourcePos pos, List<String> doc, Expr predicate, boolean required) implements Statement {
    public Check {
        doc = List.copyOf(doc);
    }

    /** A {@code check}. */
    public Check(SourcePos pos, List<String> doc, Expr predicate) {
        this(pos, doc, predicate, false);
    }

    @Override
    public String kind() {
        return required ? "requirement" : "check";
    }
}
