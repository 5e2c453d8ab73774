package org.uapispec.grammar.check;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.uapispec.grammar.ast.Call;
import org.uapispec.api.Errno;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.ValueType;

/**
 * What the check stage found: its diagnostics (errors stop compilation, warnings do not), and for a
 * spec without errors everything lowering consumes, by syntax node: each call's operation, arguments
 * and process, what each name and field stands for, each operator's type, each outcome, the
 * keys of each per-profile block and the profiles of the spec and of each scenario. For such a spec
 * every call, name, field, operator, outcome and
 * per-profile block of it has its entry; lowering looks nothing up by name.
 */
public final class CheckResult {
    private final List<Diagnostic> diagnostics;
    /** What the passes recorded; the checker keeps no reference to it once it returns this. */
    private final Resolutions resolved;

    CheckResult(List<Diagnostic> diagnostics, Resolutions resolved) {
        this.diagnostics = List.copyOf(diagnostics);
        this.resolved = resolved;
    }

    /** A result with these diagnostics and nothing resolved. */
    public static CheckResult of(List<Diagnostic> diagnostics) {
        return new CheckResult(diagnostics, new Resolutions());
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError()) {
                return true;
            }
        }
        return false;
    }

    /** The checked form of {@code call}; null only for a call the checker rejected. */
    public CheckedCall call(Call call) {
        return resolved.calls.get(call);
    }

    /** What a name ({@link Expr.NameRef}) or a field ({@link Expr.Field}) stands for. */
    public Resolution resolution(Expr nameOrField) {
        return resolved.names.get(nameOrField);
    }

    /** The type of an operator expression ({@link Expr.Unary}, {@link Expr.Binary}) or a call in a check. */
    public ValueType type(Expr operatorOrCall) {
        return resolved.types.get(operatorOrCall);
    }

    public CheckedOutcome outcome(OutcomeClause.Alternatives alternatives) {
        return resolved.outcomes.get(alternatives);
    }

    /** Which case of a per-profile block applies to each profile and kernel era. */
    public CheckedCases cases(OutcomeClause.PerProfile block) {
        return resolved.cases.get(block);
    }

    /** The profiles {@code scenario} runs on and their kernel eras: its own list, or the spec's. */
    public ProfileSelection profiles(ScenarioDecl scenario) {
        return resolved.profiles.get(scenario);
    }

    /** The spec's profiles and their kernel eras (every profile when it lists none); null only from {@link #of}. */
    public ProfileSelection specProfiles() {
        return resolved.specProfiles;
    }

    /**
     * The errnos on which the ioctl steps of {@code scenario} are made again: its own {@code retry}
     * list, or the spec's; the spec's for the setup ({@code null}).
     */
    public Set<Errno> retryOn(ScenarioDecl scenario) {
        return scenario == null ? resolved.specRetry : resolved.retries.getOrDefault(scenario, resolved.specRetry);
    }

    /** The first and the end (excluded) of a range loop's integers; null for a loop over rows. */
    public long[] range(ForLoop loop) {
        long[] range = resolved.ranges.get(loop);
        return range == null ? null : range.clone();
    }

    /**
     * The catalogue entry a citation in a {@code catalogue [...]} list names, by its number
     * ({@code "18"} for {@code 18} and for {@code FLINK-BASIC}); null for one the checker rejected.
     */
    public String citation(org.uapispec.grammar.ast.Name cited) {
        return resolved.citations.get(cited);
    }

    /** Every name a step anywhere in the spec binds: what an invariant may read. */
    public Set<String> specBindings() {
        return Collections.unmodifiableSet(resolved.specBindings);
    }
}
