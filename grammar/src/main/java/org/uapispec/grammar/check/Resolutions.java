package org.uapispec.grammar.check;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.ValueType;

/**
 * What the checker's passes record as they accept each construct, by syntax node (identity: two
 * equal calls in two places are two calls). It becomes the {@link CheckResult}.
 */
final class Resolutions {
    // Sized for a file of a few hundred lines: growing from the default sizes by doubling was 2 % of a
    // whole compile of the bench corpus. The maps live only until the file is lowered.
    final Map<Call, CheckedCall> calls = new IdentityHashMap<>(512);
    /** Each name and field in an expression. */
    final Map<Expr, Resolution> names = new IdentityHashMap<>(1024);
    /** The type of each operator expression and each call in a check. */
    final Map<Expr, ValueType> types = new IdentityHashMap<>(256);
    final Map<OutcomeClause.Alternatives, CheckedOutcome> outcomes = new IdentityHashMap<>(256);
    /** The keys of each per-profile block. */
    final Map<OutcomeClause.PerProfile, CheckedCases> cases = new IdentityHashMap<>(64);
    /** The profiles each scenario runs on, and their kernel eras. */
    final Map<ScenarioDecl, ProfileSelection> profiles = new IdentityHashMap<>(64);
    /** The spec's profiles: a scenario without a list of its own runs on them. */
    ProfileSelection specProfiles;
    /** The spec's named constants ({@code N = 128}) by name, with their values, in declaration order. */
    final Map<String, Long> constants = new java.util.LinkedHashMap<>();
    /** Every name a step of the spec binds: the names an invariant may read. */
    final Set<String> specBindings = new HashSet<>();
}
