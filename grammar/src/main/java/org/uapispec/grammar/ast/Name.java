package org.uapispec.grammar.ast;

import java.util.Objects;
import org.uapispec.grammar.source.SourcePos;

/** An identifier as written, e.g. a binding, call, argument, errno, profile or tag name. */
public record Name(SourcePos pos, String text) implements SyntaxNode {
    public Name {
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(text, "text");
    }
}
