package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.uapispec.grammar.ast.Description;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.SyntaxNode;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.check.Names;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.model.Invariant;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;

/**
 * The lowering stage: a checked spec becomes a {@link SpecModel}. Setup steps are lowered once per
 * profile selection of the scenarios (their expectations depend on the profiles), loops are expanded, and calls
 * inside checks become steps of their own.
 */
public final class Lowerer {
    /**
     * A scenario, its setup included, may expand to at most this many steps; {@link Expansion}
     * counts them before any is built.
     */
    public static final int MAX_STEPS = 100_000;

    /** The model, or the diagnostics that prevented it. */
    public record Lowered(Optional<SpecModel> model, List<Diagnostic> diagnostics) {
        public Lowered {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    /**
     * Lowers a spec that checked without errors, taking its calls and bindings from what the checker
     * resolved. Never throws: a failure of the lowerer itself is an error at what it was lowering.
     */
    public Lowered lower(Spec spec, CheckResult checked) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(checked, "checked");
        Diagnostics diagnostics = new Diagnostics();
        try {
            return lower(spec, checked, diagnostics);
        } catch (RuntimeException | StackOverflowError e) {
            InternalFailure.report(diagnostics, spec.pos(), "lowering this spec", e);
            return new Lowered(Optional.empty(), diagnostics.toList());
        }
    }

    private static Lowered lower(Spec spec, CheckResult checked, Diagnostics diagnostics) {
        Metadata meta = Metadata.of(spec.members(), checked);
        List<Statement> setup = new ArrayList<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof Setup s) {
                setup.addAll(s.statements());
            }
        }

        List<Scenario> scenarios = new ArrayList<>();
        Map<Object, String> printed = new IdentityHashMap<>();
        Expectations expectations = new Expectations();
        Expansion expansion = new Expansion(checked);
        long setupCount = expansion.steps(setup);
        Map<ProfileSelection, StepLowerer.SetupSteps> setups = new HashMap<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl decl) {
                try {
                    if (expansion.fits(decl, setup, setupCount, diagnostics)) {
                        scenarios.add(scenario(decl, setup, setups, meta.tags(), meta.catalogue(), diagnostics,
                                printed, expectations, expansion, checked));
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    InternalFailure.report(diagnostics, decl.pos(), "lowering this scenario", e);
                }
            }
        }
        List<Invariant> invariants = invariants(spec, checked, new ExprLowerer(diagnostics, checked), diagnostics);
        if (diagnostics.hasErrors()) {
            return new Lowered(Optional.empty(), diagnostics.toList());
        }
        SpecModel model = new SpecModel(spec.pos(), spec.title(), spec.doc(), meta.description(), meta.tags(),
                checked.specProfiles().profiles(),
                meta.catalogue(), invariants, scenarios);
        return new Lowered(Optional.of(model), diagnostics.toList());
    }

    /**
     * A scenario's steps after its setup's. The setup's steps depend on the scenario only through its
     * profiles (each step's expectation names them), so the scenarios with the same profiles share
     * one lowering of it ({@code setups}), and a setup's diagnostics are reported once.
     */
    private static Scenario scenario(ScenarioDecl decl, List<Statement> setup,
            Map<ProfileSelection, StepLowerer.SetupSteps> setups, List<String> specTags,
            List<String> specCatalogue, Diagnostics diagnostics, Map<Object, String> printed,
            Expectations expectations, Expansion expansion, CheckResult checked) {
        Metadata meta = Metadata.of(decl.members(), checked);
        ProfileSelection profiles = checked.profiles(decl);
        StepLowerer lowerer = new StepLowerer(profiles.profiles(), decl, diagnostics, printed, expectations, expansion,
                checked);
        StepLowerer.SetupSteps setupSteps = setups.get(profiles);
        if (setupSteps == null) {
            setupSteps = lowerer.lowerSetup(setup, checked.retryOn(null));
            setups.put(profiles, setupSteps);
        } else {
            lowerer.resume(setupSteps);
        }
        List<Step> steps = lowerer.lower(decl.statements(), checked.retryOn(decl));
        return new Scenario(decl.pos(), decl.title(), decl.doc(), meta.description(), union(specTags, meta.tags()),
                profiles, union(specCatalogue, meta.catalogue()), setupSteps.steps(), steps);
    }

    /** Invariants see every name the spec binds, typed by the first step that binds it. */
    private static List<Invariant> invariants(Spec spec, CheckResult checked, ExprLowerer exprs,
            Diagnostics diagnostics) {
        List<Invariant> out = new ArrayList<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof InvariantDecl decl) {
                try {
                    out.add(invariant(decl, checked, exprs, diagnostics));
                } catch (RuntimeException | StackOverflowError e) {
                    InternalFailure.report(diagnostics, decl.pos(), "lowering this invariant", e);
                }
            }
        }
        return out;
    }

    /**
     * An invariant's predicate reads bindings and observations only; it runs no step, so a call in it
     * (which the checker refuses) has nowhere to run and is an error here too.
     */
    private static Invariant invariant(InvariantDecl decl, CheckResult checked, ExprLowerer exprs,
            Diagnostics diagnostics) {
        Value predicate = exprs.lower(decl.predicate(), new Rows(), call -> {
            diagnostics.error(call.pos(), "call '" + call.call().callee().text() + "' cannot run in an invariant");
            return new Value.None();
        });
        Set<String> names = new LinkedHashSet<>(Names.referenced(decl.predicate()));
        names.retainAll(checked.specBindings());
        return new Invariant(decl.pos(), decl.name().text(), decl.doc(), SpecPrinter.print(decl.predicate()),
                predicate, names);
    }

    /**
     * The metadata of a spec or a scenario: tags and catalogue entries (by number: {@code FLINK-BASIC}
     * and {@code 18} are one), each list without repeats, in source order (the profiles are the
     * checker's).
     */
    private record Metadata(List<String> tags, List<String> catalogue, String description) {
        /**
         * Picks the metadata out of {@code members} in one pass. The tests name the record classes,
         * not the {@code Meta} interface: on JDK 17 an instanceof against an interface that
         * alternates with others on the same class is slow (JDK-8180450), and a scenario's members
         * are mostly statements.
         */
        static Metadata of(List<? extends SyntaxNode> members, CheckResult checked) {
            List<String> tags = new ArrayList<>();
            List<String> catalogue = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (SyntaxNode member : members) {
                if (member instanceof NameList list) {
                    List<String> names = switch (list.kind()) {
                        case TAGS -> tags;
                        case CATALOGUE -> catalogue;
                        case RETRY -> null; // the checker's: what each step retries on
                    };
                    if (names == null) {
                        continue;
                    }
                    for (Name name : list.names()) {
                        // a catalogue entry by its number, however it was cited
                        String text = list.kind() == NameList.Kind.CATALOGUE ? checked.citation(name) : name.text();
                        if (!names.contains(text)) {
                            names.add(text);
                        }
                    }
                } else if (member instanceof Description description) {
                    paragraphs.addAll(description.paragraphs());
                }
            }
            return new Metadata(List.copyOf(tags), List.copyOf(catalogue),
                    String.join("\n\n", paragraphs));
        }
    }

    /** Both lists, without repeats: each list has none already, and most scenarios add nothing. */
    private static List<String> union(List<String> first, List<String> second) {
        if (second.isEmpty()) {
            return first;
        }
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
