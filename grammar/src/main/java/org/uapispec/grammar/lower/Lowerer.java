package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.uapispec.grammar.ast.Description;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.Meta;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.check.Names;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.model.DisplayText;
import org.uapispec.grammar.model.Invariant;
import org.uapispec.grammar.model.Profiles;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.Value;

/**
 * The lowering stage: a checked spec becomes a {@link SpecModel}. Setup steps are lowered once per
 * scenario (their expectations depend on the scenario's profiles), loops are expanded, and calls
 * inside checks become steps of their own.
 */
public final class Lowerer {
    /** A scenario may expand to at most this many steps. */
    public static final int MAX_STEPS = 100_000;

    /** The model, or the diagnostics that prevented it. */
    public record Lowered(Optional<SpecModel> model, List<Diagnostic> diagnostics) {
        public Lowered {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    public Lowered lower(Spec spec) {
        Objects.requireNonNull(spec, "spec");
        Diagnostics diagnostics = new Diagnostics();
        List<Meta> metas = spec.members().stream().filter(Meta.class::isInstance).map(Meta.class::cast).toList();
        List<String> profiles = names(metas, NameList.Kind.PROFILES);
        if (profiles.isEmpty()) {
            profiles = Profiles.KNOWN;
        }
        List<String> tags = names(metas, NameList.Kind.TAGS);
        List<String> catalogue = names(metas, NameList.Kind.CATALOGUE);
        List<Statement> setup = new ArrayList<>();
        spec.members().stream().filter(Setup.class::isInstance).forEach(s -> setup.addAll(((Setup) s).statements()));

        List<Scenario> scenarios = new ArrayList<>();
        Map<Object, DisplayText> printed = new IdentityHashMap<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl decl) {
                scenarios.add(scenario(decl, setup, profiles, tags, catalogue, diagnostics, printed));
            }
        }
        List<Invariant> invariants = invariants(spec);
        if (diagnostics.hasErrors()) {
            return new Lowered(Optional.empty(), diagnostics.toList());
        }
        SpecModel model = new SpecModel(spec.pos(), spec.title(), spec.doc(), description(metas), tags, profiles,
                catalogue, invariants, scenarios);
        return new Lowered(Optional.of(model), diagnostics.toList());
    }

    private static Scenario scenario(ScenarioDecl decl, List<Statement> setup, List<String> specProfiles,
            List<String> specTags, List<String> specCatalogue, Diagnostics diagnostics, Map<Object, DisplayText> printed) {
        List<Meta> metas = decl.members().stream().filter(Meta.class::isInstance).map(Meta.class::cast).toList();
        List<String> profiles = names(metas, NameList.Kind.PROFILES);
        if (profiles.isEmpty()) {
            profiles = specProfiles;
        }
        StepLowerer lowerer = new StepLowerer(profiles, decl, diagnostics, printed);
        Env env = new Env(null);
        List<Step> setupSteps = lowerer.lower(setup, env);
        List<Step> steps = lowerer.lower(decl.statements(), env);
        return new Scenario(decl.pos(), decl.title(), decl.doc(), description(metas),
                union(specTags, names(metas, NameList.Kind.TAGS)), profiles,
                union(specCatalogue, names(metas, NameList.Kind.CATALOGUE)), setupSteps, steps);
    }

    private static List<Invariant> invariants(Spec spec) {
        Env env = BindingTypes.of(spec);
        List<Invariant> out = new ArrayList<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof InvariantDecl decl) {
                Value predicate = ExprLowerer.lower(decl.predicate(), env, SymbolSpace.NONE, call -> {
                    throw new IllegalStateException("the checker allows no calls in invariants");
                });
                Set<String> names = new LinkedHashSet<>(Names.referenced(decl.predicate()));
                names.removeIf(n -> env.lookup(n) == null);
                out.add(new Invariant(decl.pos(), decl.name().text(), decl.doc(), SpecPrinter.print(decl.predicate()),
                        predicate, names));
            }
        }
        return out;
    }

    private static List<String> names(List<Meta> metas, NameList.Kind kind) {
        List<String> out = new ArrayList<>();
        for (Meta meta : metas) {
            if (meta instanceof NameList list && list.kind() == kind) {
                list.names().forEach(n -> {
                    if (!out.contains(n.text())) {
                        out.add(n.text());
                    }
                });
            }
        }
        return out;
    }

    private static String description(List<Meta> metas) {
        List<String> paragraphs = new ArrayList<>();
        metas.stream().filter(Description.class::isInstance).forEach(d -> paragraphs.addAll(((Description) d).paragraphs()));
        return String.join("\n\n", paragraphs);
    }

    private static List<String> union(List<String> first, List<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
