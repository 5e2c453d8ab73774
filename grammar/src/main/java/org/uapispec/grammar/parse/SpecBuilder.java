package org.uapispec.grammar.parse;

import static org.uapispec.grammar.parse.TreeContext.children;
import static org.uapispec.grammar.parse.TreeContext.token;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.uapispec.grammar.ast.Description;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.Meta;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.ScenarioMember;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;

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
        List<SpecMember> members = new ArrayList<>();
        for (ParseTree child : children(spec)) {
            if (child instanceof UapiParser.SpecMemberContext member) {
                members.add(member(member));
            }
        }
        return new Spec(at.pos(spec), at.doc(spec), Literals.string(at, token(spec.getChild(1))), members);
    }

    private SpecMember member(UapiParser.SpecMemberContext ctx) {
        if (ctx instanceof UapiParser.ScenarioDeclContext scenario) {
            return scenario(scenario);
        } else if (ctx instanceof UapiParser.SpecMetaContext meta) {
            return meta((UapiParser.MetaItemContext) meta.getChild(0));
        } else if (ctx instanceof UapiParser.SetupMemberContext setup) {
            return new Setup(at.pos(setup), statements.block((UapiParser.BlockContext) setup.getChild(1)));
        }
        // INVARIANT NAME ':' expr
        UapiParser.InvariantMemberContext invariant = (UapiParser.InvariantMemberContext) ctx;
        return new InvariantDecl(at.pos(invariant), at.doc(invariant), at.name(token(invariant.getChild(1))),
                exprs.build((UapiParser.ExprContext) invariant.getChild(3)));
    }

    /** {@code scenario STRING '{' scenarioMember* '}'}. */
    private ScenarioDecl scenario(UapiParser.ScenarioDeclContext ctx) {
        List<ScenarioMember> members = new ArrayList<>();
        for (ParseTree child : children(ctx)) {
            if (child instanceof UapiParser.ScenarioStatementContext statement) {
                members.add(statements.statement((UapiParser.StatementContext) statement.getChild(0)));
            } else if (child instanceof UapiParser.ScenarioMetaContext meta) {
                members.add(meta((UapiParser.MetaItemContext) meta.getChild(0)));
            }
        }
        return new ScenarioDecl(at.pos(ctx), at.doc(ctx), Literals.string(at, token(ctx.getChild(1))), members);
    }

    private Meta meta(UapiParser.MetaItemContext ctx) {
        if (ctx instanceof UapiParser.DescriptionItemContext) {
            List<String> paragraphs = new ArrayList<>();
            for (ParseTree child : children(ctx)) {
                if (TreeContext.isToken(child, UapiLexer.STRING)) {
                    paragraphs.add(Literals.string(at, token(child)));
                }
            }
            return new Description(at.pos(ctx), paragraphs);
        }
        NameList.Kind kind;
        if (ctx instanceof UapiParser.TagsItemContext) {
            kind = NameList.Kind.TAGS;
        } else if (ctx instanceof UapiParser.ProfilesItemContext) {
            kind = NameList.Kind.PROFILES;
        } else {
            kind = NameList.Kind.CATALOGUE;
        }
        // KEYWORD '[' dashedList? ']'
        ParseTree list = ctx.getChild(2);
        return new NameList(at.pos(ctx), kind,
                list instanceof UapiParser.DashedListContext dashed ? names(dashed) : List.of());
    }

    private List<Name> names(UapiParser.DashedListContext list) {
        List<Name> names = new ArrayList<>();
        for (ParseTree child : children(list)) {
            if (child instanceof UapiParser.ListItemContext item) {
                names.add(item(item));
            }
        }
        return names;
    }

    /** {@code dashedName | STRING | INT}. */
    private Name item(UapiParser.ListItemContext ctx) {
        Token only = token(ctx.getChild(0));
        if (only == null) {
            return dashed((UapiParser.DashedNameContext) ctx.getChild(0));
        }
        return only.getType() == UapiLexer.STRING
                ? new Name(at.pos(ctx), Literals.string(at, only))
                : new Name(at.pos(ctx), only.getText());
    }

    /** {@code i915-2014} arrives as three tokens; the name is their text joined. */
    private Name dashed(UapiParser.DashedNameContext ctx) {
        return new Name(at.pos(ctx), ctx.getText());
    }
}
