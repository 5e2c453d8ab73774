package org.uapispec.grammar.ast;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code scenario "title" { ... }} with its doc comment.
 *
 * @param members    metadata and statements in source order
 * @param statements the statements alone, in source order: every stage walks them, so they are
 *                   picked out of the members once, when the node is built
 */
public record ScenarioDecl(SourcePos pos, List<String> doc, String title, List<ScenarioMember> members,
        List<Statement> statements) implements SpecMember {
    public ScenarioDecl {
        doc = List.copyOf(doc);
        members = List.copyOf(members);
        statements = List.copyOf(statements);
    }

    public ScenarioDecl(SourcePos pos, List<String> doc, String title, List<ScenarioMember> members) {
        this(pos, doc, title, members, statementsOf(members));
    }

    private static List<Statement> statementsOf(List<ScenarioMember> members) {
        // The tests name the record classes, not the Statement interface: on JDK 17 an instanceof
        // against an interface that alternates with others on the same class is slow (JDK-8180450).
        List<Statement> statements = new ArrayList<>(members.size());
        for (ScenarioMember member : members) {
            if (member instanceof CallStatement step) {
                statements.add(step);
            } else if (member instanceof Check check) {
                statements.add(check);
            } else if (member instanceof ForLoop loop) {
                statements.add(loop);
            }
        }
        return statements;
    }
}
