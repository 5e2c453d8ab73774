package org.uapispec.grammar.parse;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;

/** Builds statements (steps, checks, loops), calls and expected outcomes. */
final class StatementBuilder {
    private final TreeContext at;
    private final ExprBuilder exprs;

    StatementBuilder(TreeContext at, ExprBuilder exprs) {
        this.at = at;
        this.exprs = exprs;
        exprs.setCalls(this);
    }

    /** {@code '{' statement* '}'}. */
    List<Statement> block(UapiParser.BlockContext block) {
        int mark = at.mark();
        for (UapiParser.StatementContext statement : block.statements) {
            at.push(statement(statement));
        }
        return at.listFrom(mark);
    }

    /** {@code step | checkStmt | forLoop | requireStmt}; the statement carries the doc comment. */
    Statement statement(UapiParser.StatementContext ctx) {
        if (ctx.callStep != null) {
            return step(ctx, ctx.callStep, false);
        } else if (ctx.check != null) {
            return new Check(at.pos(ctx), at.doc(ctx), exprs.build(ctx.check.condition));
        } else if (ctx.requirement != null) {
            UapiParser.RequireStmtContext requirement = ctx.requirement;
            return requirement.requiredStep != null ? step(ctx, requirement.requiredStep, true)
                    : new Check(at.pos(ctx), at.doc(ctx), exprs.build(requirement.condition), true);
        }
        return forLoop(ctx, ctx.loop);
    }

    /**
     * {@code 'retry'? (NAME '=')? call ('->' outcome)?}, after {@code 'require'} when {@code required}
     * (the statement's position is then the keyword's).
     */
    private CallStatement step(UapiParser.StatementContext statement, UapiParser.StepContext ctx, boolean required) {
        Name binding = ctx.binding == null ? null : at.name(ctx.binding);
        UapiParser.CallContext call = ctx.target;
        OutcomeClause outcome = ctx.result != null
                ? outcome(ctx.result)
                : new OutcomeClause.Implicit(at.pos(call.getStop())); // the ')': the tree is error-free here
        Expr index = ctx.index == null ? null : exprs.build(ctx.index);
        return new CallStatement(at.pos(required ? statement : ctx), at.doc(statement), binding, index, call(call),
                outcome, ctx.retried != null, required);
    }

    /** {@code for NAME (',' NAME)* ('->' NAME)? in ('[' rows ']' | expr '..' expr) block}. */
    private ForLoop forLoop(UapiParser.StatementContext statement, UapiParser.ForLoopContext ctx) {
        int mark = at.mark();
        for (Token variable : ctx.variables) {
            at.push(at.name(variable));
        }
        List<Name> variables = at.listFrom(mark);
        Name outcomeVariable = ctx.outcomeVariable == null ? null : at.name(ctx.outcomeVariable);
        for (UapiParser.RowContext row : ctx.rows) {
            at.push(row(row));
        }
        List<ForLoop.Row> rows = at.listFrom(mark);
        ForLoop.Range range = ctx.from == null ? null
                : new ForLoop.Range(at.pos(ctx.from), exprs.build(ctx.from), exprs.build(ctx.to));
        return new ForLoop(at.pos(statement), at.doc(statement), variables, outcomeVariable, rows, range,
                block(ctx.body));
    }

    /** {@code '(' expr (',' expr)+ ')' ('->' outcome)?} or {@code expr ('->' outcome)?}. */
    private ForLoop.Row row(UapiParser.RowContext ctx) {
        List<UapiParser.ExprContext> values;
        UapiParser.OutcomeContext result;
        if (ctx instanceof UapiParser.TupleRowContext tuple) {
            values = tuple.values;
            result = tuple.result;
        } else {
            UapiParser.SingleRowContext single = (UapiParser.SingleRowContext) ctx;
            values = single.values;
            result = single.result;
        }
        int mark = at.mark();
        for (UapiParser.ExprContext value : values) {
            at.push(exprs.build(value));
        }
        List<Expr> built = at.listFrom(mark);
        return new ForLoop.Row(at.pos(ctx), built, result == null ? null : outcome(result));
    }

    /** {@code NAME '(' (arg (',' arg)* ','?)? ')'}. */
    Call call(UapiParser.CallContext ctx) {
        int mark = at.mark();
        for (UapiParser.ArgContext arg : ctx.args) {
            at.push(arg(arg));
        }
        return new Call(at.pos(ctx), at.name(ctx.callee), at.listFrom(mark));
    }

    /** {@code (NAME ':')? expr}. */
    private Call.Arg arg(UapiParser.ArgContext ctx) {
        Name name = ctx.key == null ? null : at.name(ctx.key);
        return new Call.Arg(at.pos(ctx), name, exprs.build(ctx.value));
    }

    private OutcomeClause outcome(UapiParser.OutcomeContext ctx) {
        if (ctx instanceof UapiParser.PlainOutcomeContext plain) {
            return alternatives(plain.alternatives);
        }
        int mark = at.mark();
        for (UapiParser.ProfileCaseContext profileCase : ((UapiParser.PerProfileOutcomeContext) ctx).cases) {
            at.push(profileCase(profileCase));
        }
        return new OutcomeClause.PerProfile(at.pos(ctx), at.listFrom(mark));
    }

    /** {@code profileKey (',' profileKey)* ':' alternatives}. */
    private OutcomeClause.ProfileCase profileCase(UapiParser.ProfileCaseContext ctx) {
        int mark = at.mark();
        for (UapiParser.ProfileKeyContext key : ctx.keys) {
            at.push(profileKey(key));
        }
        List<OutcomeClause.ProfileKey> keys = at.listFrom(mark);
        return new OutcomeClause.ProfileCase(at.pos(ctx), keys, alternatives(ctx.alternatives));
    }

    /** {@code 'default' | dashedName ERA?}: a key of an outcome block or an item of a profiles list. */
    OutcomeClause.ProfileKey profileKey(UapiParser.ProfileKeyContext ctx) {
        Name profile = ctx.profile != null
                ? new Name(at.pos(ctx.profile), at.text(ctx.profile))
                : at.name(ctx.getStart());
        return new OutcomeClause.ProfileKey(at.pos(ctx), profile, ctx.era == null ? null : era(ctx.era));
    }

    /** {@code @6.1} or {@code @6.1+}: the era's text between the {@code @} and the {@code +}. */
    private OutcomeClause.Era era(Token token) {
        String text = at.text(token);
        boolean onwards = text.endsWith("+");
        return new OutcomeClause.Era(at.pos(token), text.substring(1, text.length() - (onwards ? 1 : 0)), onwards);
    }

    /** {@code outcomeAtom ('|' outcomeAtom)*}, each atom {@code ok} or a name: its tokens but the bars. */
    private OutcomeClause.Alternatives alternatives(UapiParser.OutcomeAlternativesContext ctx) {
        int mark = at.mark();
        for (int i = ctx.getStart().getTokenIndex(), stop = ctx.getStop().getTokenIndex(); i <= stop; i++) {
            Token token = at.token(i);
            if (token.getType() != UapiLexer.PIPE && token.getChannel() == Token.DEFAULT_CHANNEL) {
                at.push(at.name(token));
            }
        }
        return new OutcomeClause.Alternatives(at.pos(ctx), at.listFrom(mark));
    }
}
