package org.uapispec.grammar.parse;

import java.util.ArrayList;
import java.util.List;
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

    Spec build(UapiParser.FileContext file) {
        UapiParser.SpecContext spec = file.spec();
        List<SpecMember> members = new ArrayList<>();
        for (UapiParser.SpecMemberContext member : spec.specMember()) {
            members.add(member(member));
        }
        return new Spec(at.pos(spec), at.doc(spec), Literals.string(at, spec.STRING()), members);
    }

    private SpecMember member(UapiParser.SpecMemberContext ctx) {
        if (ctx instanceof UapiParser.SpecMetaContext meta) {
            return meta(meta.metaItem());
        } else if (ctx instanceof UapiParser.SetupMemberContext setup) {
            return new Setup(at.pos(setup), statements.block(setup.block()));
        } else if (ctx instanceof UapiParser.InvariantMemberContext inv) {
            return new InvariantDecl(at.pos(inv), at.doc(inv), at.name(inv.NAME()), exprs.build(inv.expr()));
        }
        UapiParser.ScenarioDeclContext scenario = (UapiParser.ScenarioDeclContext) ctx;
        List<ScenarioMember> members = new ArrayList<>();
        for (UapiParser.ScenarioMemberContext member : scenario.scenarioMember()) {
            if (member instanceof UapiParser.ScenarioMetaContext meta) {
                members.add(meta(meta.metaItem()));
            } else {
                members.add(statements.statement(((UapiParser.ScenarioStatementContext) member).statement()));
            }
        }
        return new ScenarioDecl(at.pos(scenario), at.doc(scenario), Literals.string(at, scenario.STRING()), members);
    }

    private Meta meta(UapiParser.MetaItemContext ctx) {
        if (ctx instanceof UapiParser.DescriptionItemContext description) {
            return new Description(at.pos(ctx),
                    description.STRING().stream().map(s -> Literals.string(at, s)).toList());
        } else if (ctx instanceof UapiParser.TagsItemContext tags) {
            return new NameList(at.pos(ctx), NameList.Kind.TAGS, names(tags.dashedList()));
        } else if (ctx instanceof UapiParser.ProfilesItemContext profiles) {
            return new NameList(at.pos(ctx), NameList.Kind.PROFILES, names(profiles.dashedList()));
        }
        UapiParser.CatalogueItemContext catalogue = (UapiParser.CatalogueItemContext) ctx;
        return new NameList(at.pos(ctx), NameList.Kind.CATALOGUE, names(catalogue.dashedList()));
    }

    private List<Name> names(UapiParser.DashedListContext list) {
        return list == null ? List.of() : list.listItem().stream().map(this::item).toList();
    }

    private Name item(UapiParser.ListItemContext ctx) {
        if (ctx.STRING() != null) {
            return new Name(at.pos(ctx), Literals.string(at, ctx.STRING()));
        }
        return ctx.INT() != null ? new Name(at.pos(ctx), ctx.getText()) : dashed(ctx.dashedName());
    }

    /** {@code i915-2014} arrives as three tokens; the name is their text joined. */
    Name dashed(UapiParser.DashedNameContext ctx) {
        return new Name(at.pos(ctx), ctx.getText());
    }
}
