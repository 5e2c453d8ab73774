package org.uapispec.grammar.parse;

import static org.uapispec.grammar.parse.TreeContext.children;
import static org.uapispec.grammar.parse.TreeContext.token;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
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
        for (ParseTree child : children(block)) {
            if (child instanceof UapiParser.StatementContext statement) {
                at.push(statement(statement));
            }
        }
        return at.listFrom(mark);
    }

    /** {@code step | checkStmt | forLoop}; the statement carries the doc comment. */
    Statement statement(UapiParser.StatementContext ctx) {
        ParseTree only = ctx.getChild(0);
        if (only instanceof UapiParser.StepContext step) {
            return step(ctx, step);
        } else if (only instanceof UapiParser.CheckStmtContext check) {
            // CHECK expr
            return new Check(at.pos(ctx), at.doc(ctx), exprs.build((UapiParser.ExprContext) check.getChild(1)));
        }
        return forLoop(ctx, (UapiParser.ForLoopContext) only);
    }

    /** {@code (NAME '=')? call ('->' outcome)?}. */
    private CallStatement step(UapiParser.StatementContext statement, UapiParser.StepContext ctx) {
        Token first = token(ctx.getChild(0));
        Name binding = first == null ? null : at.name(first);
        UapiParser.CallContext call = (UapiParser.CallContext) ctx.getChild(first == null ? 0 : 2);
        ParseTree last = ctx.getChild(ctx.getChildCount() - 1);
        OutcomeClause outcome = last instanceof UapiParser.OutcomeContext written
                ? outcome(written)
                : new OutcomeClause.Implicit(at.pos(call.getStop())); // the ')': the tree is error-free here
        return new CallStatement(at.pos(ctx), at.doc(statement), binding, call(call), outcome);
    }

    /**
     * {@code for NAME (',' NAME)* ('->' NAME)? in '[' rows ']' block}: the variables come before the
     * rows, and the rows before the block, so their lists are built one after the other.
     */
    private ForLoop forLoop(UapiParser.StatementContext statement, UapiParser.ForLoopContext ctx) {
        int mark = at.mark();
        List<Name> variables = null;
        Name outcomeVar = null;
        boolean afterArrow = false;
        List<ForLoop.Row> rows = null;
        List<Statement> body = List.of();
        for (ParseTree child : children(ctx)) {
            Token token = token(child);
            if (token == null) {
                if (child instanceof UapiParser.RowContext row) {
                    at.push(row(row));
                } else {
                    rows = at.listFrom(mark);
                    body = block((UapiParser.BlockContext) child);
                }
            } else if (token.getType() == UapiLexer.ARROW) {
                afterArrow = true;
            } else if (token.getType() == UapiLexer.IN) {
                variables = at.listFrom(mark);
            } else if (token.getType() == UapiLexer.NAME) {
                if (afterArrow) {
                    outcomeVar = at.name(token);
                } else {
                    at.push(at.name(token));
                }
            }
        }
        return new ForLoop(at.pos(statement), at.doc(statement), variables, outcomeVar, rows, body);
    }

    /** {@code '(' expr (',' expr)+ ')' ('->' alternatives)?} or {@code expr ('->' alternatives)?}. */
    private ForLoop.Row row(UapiParser.RowContext ctx) {
        int mark = at.mark();
        List<Expr> values = null;
        OutcomeClause.Alternatives outcome = null;
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ExprContext expr) {
                at.push(exprs.build(expr));
            } else if (child instanceof UapiParser.OutcomeAlternativesContext alternatives) {
                values = at.listFrom(mark);
                outcome = alternatives(alternatives);
            }
        }
        return new ForLoop.Row(at.pos(ctx), values == null ? at.listFrom(mark) : values, outcome);
    }

    /** {@code NAME '(' (arg (',' arg)* ','?)? ')'}. */
    Call call(UapiParser.CallContext ctx) {
        int mark = at.mark();
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ArgContext arg) {
                at.push(arg(arg));
            }
        }
        return new Call(at.pos(ctx), at.name(ctx.getStart()), at.listFrom(mark));
    }

    /** {@code (NAME ':')? expr}. */
    private Call.Arg arg(UapiParser.ArgContext ctx) {
        boolean named = ctx.getChildCount() > 1;
        Name name = named ? at.name(ctx.getStart()) : null;
        UapiParser.ExprContext value = (UapiParser.ExprContext) ctx.getChild(named ? 2 : 0);
        return new Call.Arg(at.pos(ctx), name, exprs.build(value));
    }

    private OutcomeClause outcome(UapiParser.OutcomeContext ctx) {
        if (ctx instanceof UapiParser.PlainOutcomeContext plain) {
            return alternatives((UapiParser.OutcomeAlternativesContext) plain.getChild(0));
        }
        int mark = at.mark();
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ProfileCaseContext profileCase) {
                at.push(profileCase(profileCase));
            }
        }
        return new OutcomeClause.PerProfile(at.pos(ctx), at.listFrom(mark));
    }

    /** {@code profileKey (',' profileKey)* ':' alternatives}. */
    private OutcomeClause.ProfileCase profileCase(UapiParser.ProfileCaseContext ctx) {
        int mark = at.mark();
        List<OutcomeClause.ProfileKey> keys = null;
        OutcomeClause.Alternatives outcome = null;
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ProfileKeyContext key) {
                at.push(profileKey(key));
            } else if (child instanceof UapiParser.OutcomeAlternativesContext alternatives) {
                keys = at.listFrom(mark);
                outcome = alternatives(alternatives);
            }
        }
        return new OutcomeClause.ProfileCase(at.pos(ctx), keys, outcome);
    }

    /** {@code 'default' | dashedName ERA?}: a key of an outcome block or an item of a profiles list. */
    OutcomeClause.ProfileKey profileKey(UapiParser.ProfileKeyContext ctx) {
        ParseTree first = ctx.getChild(0);
        Name profile = first instanceof UapiParser.DashedNameContext dashed
                ? new Name(at.pos(dashed), at.text(dashed))
                : at.name(token(first));
        Token era = ctx.getChildCount() > 1 ? token(ctx.getChild(1)) : null;
        return new OutcomeClause.ProfileKey(at.pos(ctx), profile, era == null ? null : era(era));
    }

    /** {@code @6.1} or {@code @6.1+}: the era's text between the {@code @} and the {@code +}. */
    private OutcomeClause.Era era(Token token) {
        String text = at.text(token);
        boolean onwards = text.endsWith("+");
        return new OutcomeClause.Era(at.pos(token), text.substring(1, text.length() - (onwards ? 1 : 0)), onwards);
    }

    /** {@code outcomeAtom ('|' outcomeAtom)*}, each atom {@code ok} or a name. */
    private OutcomeClause.Alternatives alternatives(UapiParser.OutcomeAlternativesContext ctx) {
        int mark = at.mark();
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.OutcomeAtomContext atom) {
                at.push(at.name(atom.getStart()));
            }
        }
        return new OutcomeClause.Alternatives(at.pos(ctx), at.listFrom(mark));
    }
}
