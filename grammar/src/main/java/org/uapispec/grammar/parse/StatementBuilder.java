package org.uapispec.grammar.parse;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.Outcome;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.Step;

/** Builds statements (steps, checks, loops), calls and expected outcomes. */
final class StatementBuilder {
    private final TreeContext at;
    private final ExprBuilder exprs;

    StatementBuilder(TreeContext at, ExprBuilder exprs) {
        this.at = at;
        this.exprs = exprs;
        exprs.setCalls(this);
    }

    List<Statement> block(UapiParser.BlockContext block) {
        List<Statement> out = new ArrayList<>();
        for (UapiParser.StatementContext statement : block.statement()) {
            out.add(statement(statement));
        }
        return out;
    }

    Statement statement(UapiParser.StatementContext ctx) {
        if (ctx.step() != null) {
            return step(ctx.step());
        } else if (ctx.checkStmt() != null) {
            return new Check(at.pos(ctx), at.doc(ctx), exprs.build(ctx.checkStmt().expr()));
        }
        return forLoop(ctx, ctx.forLoop());
    }

    private Step step(UapiParser.StepContext ctx) {
        Name binding = ctx.NAME() == null ? null : at.name(ctx.NAME());
        Outcome outcome = ctx.outcome() == null
                ? new Outcome.Implicit(at.pos(ctx.call().getStop())) // the ')': the tree is error-free here
                : outcome(ctx.outcome());
        return new Step(at.pos(ctx), at.doc((UapiParser.StatementContext) ctx.getParent()), binding,
                call(ctx.call()), outcome);
    }

    private ForLoop forLoop(UapiParser.StatementContext statement, UapiParser.ForLoopContext ctx) {
        List<Name> variables = new ArrayList<>();
        Name outcomeVar = null;
        boolean afterArrow = false;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            var child = ctx.getChild(i);
            if (child == ctx.ARROW()) {
                afterArrow = true;
            } else if (child instanceof org.antlr.v4.runtime.tree.TerminalNode t
                    && t.getSymbol().getType() == UapiLexer.NAME) {
                if (afterArrow) {
                    outcomeVar = at.name(t);
                } else {
                    variables.add(at.name(t));
                }
            }
        }
        List<ForLoop.Row> rows = new ArrayList<>();
        for (UapiParser.RowContext row : ctx.row()) {
            rows.add(row(row));
        }
        return new ForLoop(at.pos(statement), at.doc(statement), variables, outcomeVar, rows, block(ctx.block()));
    }

    private ForLoop.Row row(UapiParser.RowContext ctx) {
        if (ctx instanceof UapiParser.TupleRowContext tuple) {
            List<Expr> values = tuple.expr().stream().map(exprs::build).toList();
            return new ForLoop.Row(at.pos(ctx), values, alternativesOrNull(tuple.outcomeAlternatives()));
        }
        UapiParser.SingleRowContext single = (UapiParser.SingleRowContext) ctx;
        return new ForLoop.Row(at.pos(ctx), List.of(exprs.build(single.expr())),
                alternativesOrNull(single.outcomeAlternatives()));
    }

    Call call(UapiParser.CallContext ctx) {
        List<Call.Arg> args = new ArrayList<>();
        for (UapiParser.ArgContext arg : ctx.arg()) {
            // NAME ':' expr has three children and starts with the name; expr alone has one. Cheaper
            // than arg.NAME(), which tests every child against an interface (slow on JDK 17).
            Name name = arg.getChildCount() > 1 ? at.name(arg.getStart()) : null;
            args.add(new Call.Arg(at.pos(arg), name, exprs.build(arg.expr())));
        }
        return new Call(at.pos(ctx), at.name(ctx.NAME()), args);
    }

    private Outcome outcome(UapiParser.OutcomeContext ctx) {
        if (ctx instanceof UapiParser.PlainOutcomeContext plain) {
            return alternatives(plain.outcomeAlternatives());
        }
        UapiParser.PerProfileOutcomeContext block = (UapiParser.PerProfileOutcomeContext) ctx;
        List<Outcome.ProfileCase> cases = new ArrayList<>();
        for (UapiParser.ProfileCaseContext c : block.profileCase()) {
            List<Name> profiles = c.profileKey().stream()
                    .map(k -> new Name(at.pos(k), k.getText())).toList();
            cases.add(new Outcome.ProfileCase(at.pos(c), profiles, alternatives(c.outcomeAlternatives())));
        }
        return new Outcome.PerProfile(at.pos(ctx), cases);
    }

    private Outcome.Alternatives alternativesOrNull(UapiParser.OutcomeAlternativesContext ctx) {
        return ctx == null ? null : alternatives(ctx);
    }

    private Outcome.Alternatives alternatives(UapiParser.OutcomeAlternativesContext ctx) {
        List<Name> atoms = ctx.outcomeAtom().stream().map(a -> new Name(at.pos(a), a.getText())).toList();
        return new Outcome.Alternatives(at.pos(ctx), atoms);
    }
}
