package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** {@code setup { ... }}: statements run before every scenario; their bindings are visible in all. */
public record Setup(SourcePos pos, List<Statement> statements) implements SpecMember {
    public Setup {
        statements = List.copyOf(statements);
    }
}
