package org.uapispec.grammar.ast;

import java.util.List;
import java.util.Optional;
import org.uapispec.grammar.source.SourcePos;

/** {@code name(arg, name: arg, ...)}: positional arguments first, then named ones. */
public record Call(SourcePos pos, Name callee, List<Arg> args) implements SyntaxNode {
    public Call {
        args = List.copyOf(args);
    }

    /**
     * One argument.
     *
     * @param name the parameter name, or null for a positional argument
     */
    public record Arg(SourcePos pos, Name name, Expr value) implements SyntaxNode {
        public Optional<Name> paramName() {
            return Optional.ofNullable(name);
        }
    }
}
