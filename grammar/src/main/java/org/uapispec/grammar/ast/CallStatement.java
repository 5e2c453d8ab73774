package org.uapispec.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code [require] [retry] [name[index] =] call(args) [-> outcome]}.
 *
 * @param binding  the name the result is bound to, or null when the result is not bound
 * @param index    for an indexed binding ({@code h[i] = ...}), the index; else null
 * @param outcome  the expected outcome ({@link OutcomeClause.Implicit} when the step has no {@code ->})
 * @param retried  {@code retry}: the call is made as libdrm's drmIoctl makes it, again while it
 *                 answers EINTR or EAGAIN
 * @param required {@code require}: an outcome other than the expected one skips the run instead of
 *                 failing it
 */
public record CallStatement(SourcePos pos, List<String> doc, Name binding, Expr index, Call call,
        OutcomeClause outcome, boolean retried, boolean required) implements Statement {
    public CallStatement {
        doc = List.copyOf(doc);
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(outcome, "outcome");
    }

    @Override
    public String kind() {
        return "step";
    }

    public Optional<Name> bindingName() {
        return Optional.ofNullable(binding);
    }
}
