package org.uapispec.grammar.parse;

import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
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

/** Builds the spec, its metadata, setup, invariants and scenarios from the parser's rule contexts. */
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
        UapiParser.SpecContext spec = file.body;
        int mark = at.mark();
        for (UapiParser.SpecMemberContext member : spec.members) {
            at.push(member(member));
        }
        List<SpecMember> members = at.listFrom(mark);
        return new Spec(at.pos(spec), at.doc(spec), Literals.string(at, spec.title), members);
    }

    private SpecMember member(UapiParser.SpecMemberContext ctx) {
        if (ctx instanceof UapiParser.ScenarioDeclContext scenario) {
            return scenario(scenario);
        } else if (ctx instanceof UapiParser.SpecMetaContext meta) {
            return meta(meta.meta);
        } else if (ctx instanceof UapiParser.SetupMemberContext setup) {
            return new Setup(at.pos(setup), statements.block(setup.statements));
        } else if (ctx instanceof UapiParser.ConstantMemberContext constant) {
            return new ConstantDecl(at.pos(constant), at.doc(constant), at.name(constant.name),
                    exprs.build(constant.value));
        }
        UapiParser.InvariantMemberContext invariant = (UapiParser.InvariantMemberContext) ctx;
        return new InvariantDecl(at.pos(invariant), at.doc(invariant), at.name(invariant.name),
                exprs.build(invariant.value));
    }

    /**
     * {@code scenario STRING '{' scenarioMember* '}'}. The statements are picked out of the members
     * here, where it is known which members are statements; when all are, they are the same list.
     */
    private ScenarioDecl scenario(UapiParser.ScenarioDeclContext ctx) {
        int mark = at.mark();
        int metas = 0;
        for (UapiParser.ScenarioMemberContext member : ctx.members) {
            if (member instanceof UapiParser.ScenarioStatementContext statement) {
                at.push(statements.statement(statement.stmt));
            } else {
                at.push(meta(((UapiParser.ScenarioMetaContext) member).meta));
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
        return new ScenarioDecl(at.pos(ctx), at.doc(ctx), Literals.string(at, ctx.title), members, statementsOnly);
    }

    private Meta meta(UapiParser.MetaItemContext ctx) {
        if (ctx instanceof UapiParser.DescriptionItemContext description) {
            int mark = at.mark();
            for (Token line : description.lines) {
                at.push(Literals.string(at, line));
            }
            return new Description(at.pos(ctx), at.listFrom(mark));
        } else if (ctx instanceof UapiParser.ProfilesItemContext profiles) {
            return new ProfileList(at.pos(ctx), profiles.profiles == null ? List.of() : profiles(profiles.profiles));
        } else if (ctx instanceof UapiParser.TagsItemContext tags) {
            return new NameList(at.pos(ctx), NameList.Kind.TAGS, tags.tags == null ? List.of() : names(tags.tags));
        }
        if (ctx instanceof UapiParser.RetryItemContext retry) {
            return new NameList(at.pos(ctx), NameList.Kind.RETRY, retry.errnos == null ? List.of() : names(retry.errnos));
        }
        UapiParser.DashedListContext ids = ((UapiParser.CatalogueItemContext) ctx).ids;
        return new NameList(at.pos(ctx), NameList.Kind.CATALOGUE, ids == null ? List.of() : names(ids));
    }

    private List<Name> names(UapiParser.DashedListContext list) {
        int mark = at.mark();
        for (UapiParser.ListItemContext item : list.items) {
            at.push(item.dashed != null ? dashed(item.dashed) : literal(item, item.literal));
        }
        return at.listFrom(mark);
    }

    /** {@code profileItem (',' profileItem)*}, each {@code profileKey | STRING | INT}. */
    private List<OutcomeClause.ProfileKey> profiles(UapiParser.ProfileListContext list) {
        int mark = at.mark();
        for (UapiParser.ProfileItemContext item : list.items) {
            at.push(item.key != null ? statements.profileKey(item.key)
                    : new OutcomeClause.ProfileKey(at.pos(item), literal(item, item.literal), null));
        }
        return at.listFrom(mark);
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
