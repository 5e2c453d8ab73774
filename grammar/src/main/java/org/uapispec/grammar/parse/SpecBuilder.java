package org.uapispec.grammar.parse;

import static org.uapispec.grammar.parse.TreeContext.children;
import static org.uapispec.grammar.parse.TreeContext.token;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.uapispec.grammar.ast.Description;
import org.uapispec.grammar.ast.ConstantDecl;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.Meta;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ProfileList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.ScenarioMember;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.Statement;

/** Builds the spec, its metadata, setup, invariants and scenarios from the parse tree. */
final class SpecBuilder {
    private final TreeContext at;
    private final StatementBuilder statements;
    private final ExprBuilder exprs;

    SpecBuilder(TreeContext at) {
        this.at = at;
        this.exprs = new ExprBuilder(at);
        this.statements = new StatementBuilder(at, exprs);
    }

    /** {@code spec STRING '{' specMember* '}'}. */
    Spec build(UapiParser.FileContext file) {
        UapiParser.SpecContext spec = file.spec();
        int mark = at.mark();
        for (ParseTree child : children(spec)) {
            if (child instanceof UapiParser.SpecMemberContext member) {
                at.push(member(member));
            }
        }
        List<SpecMember> members = at.listFrom(mark);
        return new Spec(at.pos(spec), at.doc(spec), Literals.string(at, token(spec.getChild(1))), members);
    }

    private SpecMember member(UapiParser.SpecMemberContext ctx) {
        if (ctx instanceof UapiParser.ScenarioDeclContext scenario) {
            return scenario(scenario);
        } else if (ctx instanceof UapiParser.SpecMetaContext meta) {
            return meta((UapiParser.MetaItemContext) meta.getChild(0));
        } else if (ctx instanceof UapiParser.SetupMemberContext setup) {
            return new Setup(at.pos(setup), statements.block((UapiParser.BlockContext) setup.getChild(1)));
        } else if (ctx instanceof UapiParser.ConstantMemberContext constant) {
            // NAME '=' expr
            return new ConstantDecl(at.pos(constant), at.doc(constant), at.name(token(constant.getChild(0))),
                    exprs.build((UapiParser.ExprContext) constant.getChild(2)));
        }
        // INVARIANT NAME ':' expr
        UapiParser.InvariantMemberContext invariant = (UapiParser.InvariantMemberContext) ctx;
        return new InvariantDecl(at.pos(invariant), at.doc(invariant), at.name(token(invariant.getChild(1))),
                exprs.build((UapiParser.ExprContext) invariant.getChild(3)));
    }

    /**
     * {@code scenario STRING '{' scenarioMember* '}'}. The statements are picked out of the members
     * here, where it is known which members are statements; when all are, they are the same list.
     */
    private ScenarioDecl scenario(UapiParser.ScenarioDeclContext ctx) {
        int mark = at.mark();
        int metas = 0;
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ScenarioStatementContext statement) {
                at.push(statements.statement((UapiParser.StatementContext) statement.getChild(0)));
            } else if (child instanceof UapiParser.ScenarioMetaContext meta) {
                at.push(meta((UapiParser.MetaItemContext) meta.getChild(0)));
                metas++;
            }
        }
        List<ScenarioMember> members = at.listFrom(mark);
        List<Statement> statementsOnly;
        if (metas == 0) {
            @SuppressWarnings("unchecked")
            List<Statement> all = (List<Statement>) (List<?>) members;
            statementsOnly = all;
        } else {
            for (ScenarioMember member : members) {
                if (!(member instanceof Description || member instanceof NameList || member instanceof ProfileList)) {
                    at.push(member);
                }
            }
            statementsOnly = at.listFrom(mark);
        }
        return new ScenarioDecl(at.pos(ctx), at.doc(ctx), Literals.string(at, token(ctx.getChild(1))), members,
                statementsOnly);
    }

    private Meta meta(UapiParser.MetaItemContext ctx) {
        if (ctx instanceof UapiParser.DescriptionItemContext) {
            int mark = at.mark();
            for (ParseTree child : children(ctx)) {
                if (TreeContext.isToken(child, UapiLexer.STRING)) {
                    at.push(Literals.string(at, token(child)));
                }
            }
            return new Description(at.pos(ctx), at.listFrom(mark));
        }
        // KEYWORD '[' list? ']'
        ParseTree list = ctx.getChild(2);
        if (ctx instanceof UapiParser.ProfilesItemContext) {
            return new ProfileList(at.pos(ctx),
                    list instanceof UapiParser.ProfileListContext profiles ? profiles(profiles) : List.of());
        }
        NameList.Kind kind = ctx instanceof UapiParser.TagsItemContext ? NameList.Kind.TAGS : NameList.Kind.CATALOGUE;
        return new NameList(at.pos(ctx), kind,
                list instanceof UapiParser.DashedListContext dashed ? names(dashed) : List.of());
    }

    private List<Name> names(UapiParser.DashedListContext list) {
        int mark = at.mark();
        for (ParseTree child : children(list)) {
            if (child instanceof UapiParser.ListItemContext item) {
                at.push(item(item));
            }
        }
        return at.listFrom(mark);
    }

    /** {@code profileItem (',' profileItem)*}, each {@code profileKey | STRING | INT}. */
    private List<OutcomeClause.ProfileKey> profiles(UapiParser.ProfileListContext list) {
        int mark = at.mark();
        for (ParseTree child : children(list)) {
            if (child instanceof UapiParser.ProfileItemContext item) {
                ParseTree only = item.getChild(0);
                at.push(only instanceof UapiParser.ProfileKeyContext key ? statements.profileKey(key)
                        : new OutcomeClause.ProfileKey(at.pos(item), literal(item, token(only)), null));
            }
        }
        return at.listFrom(mark);
    }

    /** {@code dashedName | STRING | INT}. */
    private Name item(UapiParser.ListItemContext ctx) {
        Token only = token(ctx.getChild(0));
        if (only == null) {
            return dashed((UapiParser.DashedNameContext) ctx.getChild(0));
        }
        return literal(ctx, only);
    }

    /** A STRING (its text without quotes) or an INT (as written) standing for a name. */
    private Name literal(ParserRuleContext ctx, Token only) {
        return only.getType() == UapiLexer.STRING
                ? new Name(at.pos(ctx), Literals.string(at, only))
                : new Name(at.pos(ctx), at.text(only));
    }

    /** {@code i915-2014} arrives as three tokens; the name is their text joined. */
    private Name dashed(UapiParser.DashedNameContext ctx) {
        return new Name(at.pos(ctx), at.text(ctx));
    }
}
