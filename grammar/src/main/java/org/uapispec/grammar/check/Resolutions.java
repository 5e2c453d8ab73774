package org.uapispec.grammar.check;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.uapispec.grammar.ast.Call;
import org.uapispec.api.Errno;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.ValueType;

/**
 * What the checker's passes record as they accept each construct, by syntax node (identity: two
 * equal calls in two places are two calls). It becomes the {@link CheckResult}.
 */
final class Resolutions {
    final Map<Call, CheckedCall> calls;
    /** Each name and field in an expression. */
    final Map<Expr, Resolution> names;
    /** The type of each operator expression and each call in a check. */
    final Map<Expr, ValueType> types;
    final Map<OutcomeClause.Alternatives, CheckedOutcome> outcomes;
    /** The keys of each per-profile block. */
    final Map<OutcomeClause.PerProfile, CheckedCases> cases;
    /** The profiles each scenario runs on, and their kernel eras. */
    final Map<ScenarioDecl, ProfileSelection> profiles;
    /** The spec's profiles: a scenario without a list of its own runs on them. */
    ProfileSelection specProfiles;
    /** The spec's named constants ({@code N = 128}) by name, with their values, in declaration order. */
    final Map<String, Long> constants = new java.util.LinkedHashMap<>();
    /** The errnos each scenario's ioctl steps are made again on: its own {@code retry} list, or the spec's. */
    final Map<ScenarioDecl, Set<Errno>> retries = new IdentityHashMap<>();
    /** The spec's {@code retry} list: what its setup and the scenarios without a list of their own retry on. */
    Set<Errno> specRetry = Set.of();
    /** The integers of each range loop ({@code for i in 0 .. N}), from and to. */
    final Map<ForLoop, long[]> ranges = new IdentityHashMap<>();
    /** Each citation of a {@code catalogue [...]} list: the number of the entry it names. */
    final Map<org.uapispec.grammar.ast.Name, String> citations = new IdentityHashMap<>();
    /** Every name a step of the spec binds: the names an invariant may read. */
    final Set<String> specBindings = new HashSet<>();

    /** Nothing resolved, for a spec that was not checked. */
    Resolutions() {
        this(0, 0);
    }

    /**
     * Maps sized for the spec from its top-level statements, so that they neither grow by doubling
     * (2 % of a whole compile of the bench corpus) nor start far larger than the file (a map sized for
     * a thousand names, zeroed for each file of two hundred lines, was 15 % of what checking and
     * lowering allocate). Per statement the bench corpus has about one call, three names and fields,
     * one typed expression and half an outcome; a loop counts as one statement, and
     * maps for a spec with more than the estimate grow.
     */
    Resolutions(Spec spec) {
        this(statementsOf(spec), scenariosOf(spec));
    }

    private static int scenariosOf(Spec spec) {
        int scenarios = 0;
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl) {
                scenarios++;
            }
        }
        return scenarios;
    }

    private static int statementsOf(Spec spec) {
        int statements = 0;
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl scenario) {
                statements += scenario.statements().size();
            } else if (member instanceof Setup setup) {
                statements += setup.statements().size();
            }
        }
        return statements;
    }

    private Resolutions(int statements, int scenarios) {
        calls = new IdentityHashMap<>(statements + 8);
        names = new IdentityHashMap<>(3 * statements + 16);
        types = new IdentityHashMap<>(statements + 8);
        outcomes = new IdentityHashMap<>(statements / 2 + 8);
        cases = new IdentityHashMap<>(statements / 8 + 4);
        profiles = new IdentityHashMap<>(scenarios + 1);
    }
}
