package org.uapispec.grammar.ast;

import java.util.ArrayList;
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
        // A loop, not a stream: every stage asks for the statements of every scenario.
        List<Statement> statements = new ArrayList<>(members.size());
        for (ScenarioMember member : members) {
            if (member instanceof Statement statement) {
                statements.add(statement);
            }
        }
        return List.copyOf(statements);
    }
}
