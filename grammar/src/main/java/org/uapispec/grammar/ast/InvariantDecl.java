package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** {@code invariant name: predicate}, checked after every step of every scenario of the spec. */
public record InvariantDecl(SourcePos pos, List<String> doc, Name name, Expr predicate) implements SpecMember {
    public InvariantDecl {
        doc = List.copyOf(doc);
    }
}
