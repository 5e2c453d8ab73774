package org.uapispec.grammar.ast;

import java.util.List;
import java.util.Optional;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code for a, b -> want in [(1, 2) -> EINVAL, ...] { body }}: the body once per row; or
 * {@code for i in 0 .. N { body }}: once for each integer from the first bound up to the second.
 *
 * @param variables  the value columns
 * @param outcomeVar the outcome column ({@code -> want}), or null when rows carry no outcome
 * @param rows       the rows written; none for a range
 * @param range      the range of integers, or null for rows in brackets
 */
public record ForLoop(SourcePos pos, List<String> doc, List<Name> variables, Name outcomeVar, List<Row> rows,
        Range range, List<Statement> body) implements Statement {
    public ForLoop {
        doc = List.copyOf(doc);
        variables = List.copyOf(variables);
        rows = List.copyOf(rows);
        body = List.copyOf(body);
    }

    @Override
    public String kind() {
        return "loop";
    }

    public Optional<Name> outcomeVariable() {
        return Optional.ofNullable(outcomeVar);
    }

    /** {@code from .. to}: the integers from {@code from} up to but not including {@code to}. */
    public record Range(SourcePos pos, Expr from, Expr to) implements SyntaxNode {
    }

    /**
     * One row of values: a bare expression for one column or a tuple for several.
     *
     * @param outcome the row's outcome column: alternatives or a per-profile block, or null
     */
    public record Row(SourcePos pos, List<Expr> values, OutcomeClause outcome) implements SyntaxNode {
        public Row {
            values = List.copyOf(values);
            if (outcome instanceof OutcomeClause.Implicit) {
                throw new IllegalArgumentException("a row's outcome is written or absent (null)");
            }
        }
    }
}
