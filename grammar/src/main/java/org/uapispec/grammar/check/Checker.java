package org.uapispec.grammar.check;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.uapispec.catalogue.Catalogue;
import org.uapispec.grammar.ast.InvariantDecl;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.ValueType;
import org.uapispec.grammar.source.SourcePos;

/**
 * The check stage. Passes, each reporting everything it finds: spec and scenario metadata
 * (profiles, duplicates, retry lists), invariants (against every name the spec binds), setup, then each
 * scenario in order (names, types, calls, outcomes, use after close), and unused bindings.
 */
public final class Checker {

    /** Never throws: a failure of the checker itself is an error at what it was checking. */
    public CheckResult check(Spec spec) {
        Objects.requireNonNull(spec, "spec");
        Diagnostics diagnostics = new Diagnostics();
        Resolutions resolved = new Resolutions(spec);
        try {
            passes(spec, diagnostics, resolved);
        } catch (RuntimeException | StackOverflowError e) {
            InternalFailure.report(diagnostics, spec.pos(), "checking this spec", e);
        }
        return new CheckResult(diagnostics.toList(), resolved);
    }

    private static void passes(Spec spec, Diagnostics diagnostics, Resolutions resolved) {
        MetaChecker meta = new MetaChecker(diagnostics);
        ProfileListChecker profileLists = new ProfileListChecker(diagnostics);
        ProfileSelection specProfiles = profileLists.specProfiles(spec);
        resolved.specProfiles = specProfiles;
        meta.duplicates(spec);
        new CatalogueChecker(diagnostics, Catalogue.standard(), resolved.citations).check(spec);
        RetryChecker retries = new RetryChecker(diagnostics);
        resolved.specRetry = retries.of(spec.members(), Set.of());
        new ConstantChecker(diagnostics, resolved.constants).check(spec);
        StatementChecker statements = new StatementChecker(diagnostics, invariantNames(spec), resolved);
        Scope all = AllBindings.of(spec);
        resolved.specBindings.addAll(all.visibleNames());
        invariants(spec, all, statements, diagnostics);
        statements.retryOn(resolved.specRetry);
        Scope setup = setup(spec, statements, specProfiles);
        scenarios(spec, statements, profileLists, retries, setup, specProfiles, diagnostics, resolved);
        statements.reportUnused(setup);
    }

    private static Scope setup(Spec spec, StatementChecker statements, ProfileSelection specProfiles) {
        Scope setup = Scope.ofStatements(null);
        for (SpecMember member : spec.members()) {
            if (member instanceof Setup s) {
                statements.statements(s.statements(), setup, specProfiles);
            }
        }
        return setup;
    }

    /** Each scenario starts from its own copy of the setup bindings, so closes do not leak between scenarios. */
    private static void scenarios(Spec spec, StatementChecker statements, ProfileListChecker profileLists,
            RetryChecker retries, Scope setup, ProfileSelection specProfiles, Diagnostics diagnostics,
            Resolutions resolved) {
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl scenario) {
                try {
                    Set<org.uapispec.api.Errno> retryOn = retries.of(scenario.members(), resolved.specRetry);
                    resolved.retries.put(scenario, retryOn);
                    statements.retryOn(retryOn);
                    scenario(scenario, statements, profileLists, setup, specProfiles, diagnostics, resolved);
                } catch (RuntimeException | StackOverflowError e) {
                    InternalFailure.report(diagnostics, scenario.pos(), "checking this scenario", e);
                }
            }
        }
    }

    private static void scenario(ScenarioDecl scenario, StatementChecker statements, ProfileListChecker profileLists,
            Scope setup, ProfileSelection specProfiles, Diagnostics diagnostics, Resolutions resolved) {
        ProfileSelection profiles = profileLists.scenarioProfiles(scenario, specProfiles);
        resolved.profiles.put(scenario, profiles);
        if (scenario.statements().isEmpty()) {
            diagnostics.warning(scenario.pos(), "scenario '" + scenario.title() + "' has no steps");
        }
        Scope scope = Scope.ofStatements(setup.copyForScenario());
        statements.statements(scenario.statements(), scope, profiles);
        statements.reportUnused(scope);
    }

    /** Invariants see every name the spec binds anywhere (first binding's type wins); each must be a bool. */
    private static void invariants(Spec spec, Scope all, StatementChecker statements, Diagnostics diagnostics) {
        Map<String, SourcePos> seen = new HashMap<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof InvariantDecl invariant) {
                try {
                    ValueType type = statements.exprs().type(invariant.predicate(), all, SymbolSpace.NONE,
                            Mode.INVARIANT);
                    if (type != null && type != ValueType.BOOL) {
                        diagnostics.error(invariant.predicate().pos(), "invariant '" + invariant.name().text()
                                + "' needs a bool, got " + type);
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    InternalFailure.report(diagnostics, invariant.pos(), "checking this invariant", e);
                }
                SourcePos first = seen.putIfAbsent(invariant.name().text(), invariant.name().pos());
                if (first != null) {
                    diagnostics.error(invariant.name().pos(), "duplicate invariant '" + invariant.name().text()
                            + "', first defined at " + first.lineAndColumn());
                }
            }
        }
    }

    /** The names used by invariants; such bindings count as used. */
    private static Set<String> invariantNames(Spec spec) {
        Set<String> names = new LinkedHashSet<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof InvariantDecl invariant) {
                names.addAll(Names.referenced(invariant.predicate()));
            }
        }
        return names;
    }
}
