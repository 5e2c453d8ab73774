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
        // A loop, not a stream: every stage asks for the statements of every scenario. The tests
        // name the record classes, not the Statement interface: on JDK 17 an instanceof against an
        // interface that alternates with others on the same class is slow (JDK-8180450).
        List<Statement> statements = new ArrayList<>(members.size());
        for (ScenarioMember member : members) {
            if (member instanceof Step step) {
                statements.add(step);
            } else if (member instanceof Check check) {
                statements.add(check);
            } else if (member instanceof ForLoop loop) {
                statements.add(loop);
            }
        }
        return List.copyOf(statements);
    }
}
