package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** {@code scenario "title" { ... }} with its doc comment. */
public record ScenarioDecl(SourcePos pos, List<String> doc, String title, List<ScenarioMember> members)
        implements SpecMember {
    public ScenarioDecl {
        doc = List.copyOf(doc);
        members = List.copyOf(members);
    }

    /** The statements, without the metadata. */
    public List<Statement> statements() {
        return members.stream().filter(Statement.class::isInstance).map(Statement.class::cast).toList();
    }
}
