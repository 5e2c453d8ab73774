package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code N = 128} in a spec's body: a named integer, computed once from numbers and earlier
 * constants, that every scenario, setup, loop row and invariant of the spec may use.
 */
public record ConstantDecl(SourcePos pos, List<String> doc, Name name, Expr value) implements SpecMember {
    public ConstantDecl {
        doc = List.copyOf(doc);
    }
}
