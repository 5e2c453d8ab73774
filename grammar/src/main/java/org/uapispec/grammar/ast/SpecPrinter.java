package org.uapispec.grammar.ast;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a syntax tree back as source text in the canonical layout (two-space indent, one statement
 * per line). Parsing the output gives the same tree up to positions; the round-trip test checks this.
 */
public final class SpecPrinter {
    private static final java.util.regex.Pattern DASHED =
            java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z_0-9]*(-([A-Za-z_][A-Za-z_0-9]*|[0-9]+))*");
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("spec", "scenario", "setup", "invariant",
            "check", "require", "retry", "for", "in", "tags", "profiles", "catalogue", "description", "true", "false");

    private final StringBuilder out = new StringBuilder();
    private int indent;

    private SpecPrinter() {
    }

    public static String print(Spec spec) {
        SpecPrinter printer = new SpecPrinter();
        printer.spec(spec);
        return printer.out.toString();
    }

    /** One statement on one line (loops span several), without doc comments: the text steps display. */
    public static String print(Statement statement) {
        if (statement instanceof CallStatement step) {
            StringBuilder out = new StringBuilder(64);
            stepText(step, out);
            return out.toString();
        } else if (statement instanceof Check check) {
            StringBuilder out = new StringBuilder(64).append(check.required() ? "require " : "check ");
            ExprPrinter.print(check.predicate(), 0, out);
            return out.toString();
        }
        SpecPrinter printer = new SpecPrinter();
        printer.statementBody(statement);
        return printer.out.toString().stripTrailing();
    }

    public static String print(Expr expr) {
        return ExprPrinter.print(expr);
    }

    public static String print(OutcomeClause outcome) {
        return ExprPrinter.outcome(outcome);
    }

    private void spec(Spec spec) {
        doc(spec.doc());
        line("spec " + ExprPrinter.quote(spec.title()) + " {");
        indent++;
        for (SpecMember member : spec.members()) {
            specMember(member);
        }
        indent--;
        line("}");
    }

    private void specMember(SpecMember member) {
        if (member instanceof Meta meta) {
            meta(meta);
        } else if (member instanceof Setup setup) {
            line("setup {");
            block(setup.statements());
        } else if (member instanceof ConstantDecl constant) {
            doc(constant.doc());
            line(constant.name().text() + " = " + ExprPrinter.print(constant.value()));
        } else if (member instanceof InvariantDecl invariant) {
            doc(invariant.doc());
            line("invariant " + invariant.name().text() + ": " + ExprPrinter.print(invariant.predicate()));
        } else if (member instanceof ScenarioDecl scenario) {
            doc(scenario.doc());
            line("scenario " + ExprPrinter.quote(scenario.title()) + " {");
            indent++;
            for (ScenarioMember m : scenario.members()) {
                if (m instanceof Meta meta) {
                    meta(meta);
                } else if (m instanceof Statement statement) {
                    statement(statement);
                }
            }
            indent--;
            line("}");
        }
    }

    private void meta(Meta meta) {
        if (meta instanceof Description description) {
            line("description " + description.paragraphs().stream().map(ExprPrinter::quote)
                    .collect(Collectors.joining(" ")));
        } else if (meta instanceof NameList list) {
            line(list.kind().keyword() + " [" + list.names().stream().map(n -> listItem(n.text()))
                    .collect(Collectors.joining(", ")) + "]");
        } else if (meta instanceof ProfileList list) {
            line("profiles [" + list.keys().stream().map(SpecPrinter::profileItem).collect(Collectors.joining(", "))
                    + "]");
        }
    }

    private void statement(Statement statement) {
        doc(statement.doc());
        statementBody(statement);
    }

    private void statementBody(Statement statement) {
        if (statement instanceof CallStatement step) {
            StringBuilder text = new StringBuilder();
            stepText(step, text);
            line(text.toString());
        } else if (statement instanceof Check check) {
            line((check.required() ? "require " : "check ") + ExprPrinter.print(check.predicate()));
        } else if (statement instanceof ForLoop loop) {
            String outcomeVar = loop.outcomeVariable().map(n -> " -> " + n.text()).orElse("");
            String rows = loop.range() != null
                    ? ExprPrinter.print(loop.range().from()) + " .. " + ExprPrinter.print(loop.range().to())
                    : "[" + loop.rows().stream().map(SpecPrinter::row).collect(Collectors.joining(", ")) + "]";
            line("for " + names(loop.variables()) + outcomeVar + " in " + rows + " {");
            block(loop.body());
        }
    }

    /** {@code h = gem_create(f, size: PAGE) -> EINVAL}. */
    private static void stepText(CallStatement step, StringBuilder out) {
        if (step.required()) {
            out.append("require ");
        }
        if (step.retried()) {
            out.append("retry ");
        }
        if (step.binding() != null) {
            out.append(step.binding().text());
            if (step.index() != null) {
                out.append('[').append(ExprPrinter.print(step.index())).append(']');
            }
            out.append(" = ");
        }
        ExprPrinter.call(step.call(), out);
        if (!(step.outcome() instanceof OutcomeClause.Implicit)) {
            out.append(" -> ");
            ExprPrinter.outcome(step.outcome(), out);
        }
    }

    private static String row(ForLoop.Row row) {
        String values = row.values().stream().map(ExprPrinter::print).collect(Collectors.joining(", "));
        String text = row.values().size() == 1 ? values : "(" + values + ")";
        return row.outcome() == null ? text : text + " -> " + ExprPrinter.outcome(row.outcome());
    }

    /** {@code generic@6.1+}; a profile without an era may be any list item (the checker judges it). */
    private static String profileItem(OutcomeClause.ProfileKey key) {
        String profile = listItem(key.profile().text());
        return key.era() == null ? profile : profile + key.era().text();
    }

    /** A list item is printed bare when it reads back as a name, else quoted. */
    private static String listItem(String text) {
        boolean keyword = java.util.Arrays.stream(text.split("-")).anyMatch(KEYWORDS::contains);
        boolean bare = DASHED.matcher(text).matches() && !keyword || text.matches("[0-9]+");
        return bare ? text : ExprPrinter.quote(text);
    }

    private void block(List<Statement> statements) {
        indent++;
        statements.forEach(this::statement);
        indent--;
        line("}");
    }

    private void doc(List<String> doc) {
        doc.forEach(d -> line(d.isEmpty() ? "///" : "/// " + d));
    }

    private static String names(List<Name> names) {
        return names.stream().map(Name::text).collect(Collectors.joining(", "));
    }

    private void line(String text) {
        out.append("  ".repeat(indent)).append(text).append('\n');
    }
}
