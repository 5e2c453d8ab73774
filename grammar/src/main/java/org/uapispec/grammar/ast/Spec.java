package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * A whole spec file: {@code spec "title" { ... }}.
 *
 * @param doc     the {@code ///} lines before {@code spec}
 * @param title   the spec's title
 * @param members description, tags, profiles, catalogue ids, setup, invariants and scenarios in source order
 */
public record Spec(SourcePos pos, List<String> doc, String title, List<SpecMember> members) implements SyntaxNode {
    public Spec {
        doc = List.copyOf(doc);
        members = List.copyOf(members);
    }
}
