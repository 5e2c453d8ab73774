package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.api.Errno;
import org.uapispec.api.ProfileName;
import org.uapispec.api.Signal;
import org.uapispec.grammar.source.SourcePos;

/** Checks expected outcomes: errno, signal and profile names, and that a per-profile block covers the scenario. */
final class OutcomeChecker {
    static final String OK = "ok";
    static final String DEFAULT = "default";

    /** The errno and signal names an outcome may name, for the lookup of every outcome atom. */
    private static final Set<String> ERRNOS_AND_SIGNALS = errnosAndSignals();

    private final Diagnostics diagnostics;
    /** What a loop row's outcome sees: no outcome columns, no bindings (nothing is ever bound in it). */
    private final Scope noColumns = new Scope(null);

    OutcomeChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Whether the step may succeed on some profile (true after an error, to avoid follow-up errors). */
    boolean check(OutcomeClause outcome, Scope scope, List<String> profiles) {
        if (outcome instanceof OutcomeClause.Implicit) {
            return true;
        } else if (outcome instanceof OutcomeClause.Alternatives alternatives) {
            return alternatives(alternatives, scope);
        }
        return perProfile((OutcomeClause.PerProfile) outcome, scope, profiles);
    }

    /** Alternatives in a loop row, where outcome columns cannot be referred to. */
    boolean rowAlternatives(OutcomeClause.Alternatives alternatives) {
        return alternatives(alternatives, noColumns);
    }

    private boolean alternatives(OutcomeClause.Alternatives alternatives, Scope scope) {
        boolean mayBeOk = false;
        for (Name atom : alternatives.atoms()) {
            String text = atom.text();
            if (text.equals(OK)) {
                mayBeOk = true;
                continue;
            }
            Binding column = scope.lookup(text);
            if (column != null && column.outcomeVariable) {
                column.markUsed();
                if (alternatives.atoms().size() > 1) {
                    diagnostics.error(atom.pos(), "outcome column '" + text + "' cannot be combined with other outcomes");
                }
                mayBeOk |= column.outcomeMayBeOk;
            } else if (!ERRNOS_AND_SIGNALS.contains(text)) {
                unknown(atom, scope);
                mayBeOk = true;
            }
        }
        return mayBeOk;
    }

    private void unknown(Name atom, Scope scope) {
        List<String> candidates = new ArrayList<>(Errno.names());
        candidates.addAll(Signal.names());
        candidates.add(OK);
        scope.visible().stream().filter(b -> b.outcomeVariable).forEach(b -> candidates.add(b.name()));
        String kind = atom.text().startsWith("SIG") ? "signal" : "errno";
        diagnostics.error(atom.pos(), "unknown " + kind + " '" + atom.text() + "'" + DidYouMean.hint(atom.text(), candidates));
    }

    private static Set<String> errnosAndSignals() {
        Set<String> names = new HashSet<>(Errno.names());
        names.addAll(Signal.names());
        return Set.copyOf(names);
    }

    private boolean perProfile(OutcomeClause.PerProfile block, Scope scope, List<String> profiles) {
        Map<String, SourcePos> seen = new LinkedHashMap<>();
        boolean mayBeOk = false;
        for (OutcomeClause.ProfileCase c : block.cases()) {
            boolean caseOk = alternatives(c.outcome(), scope);
            for (Name profile : c.profiles()) {
                String text = profile.text();
                if (seen.containsKey(text)) {
                    diagnostics.error(profile.pos(), "profile '" + text + "' appears twice in this outcome, first at "
                            + seen.get(text).lineAndColumn());
                    continue;
                }
                seen.put(text, profile.pos());
                if (!text.equals(DEFAULT) && ProfileName.byText(text).isEmpty()) {
                    diagnostics.error(profile.pos(), "unknown profile '" + text + "'" + DidYouMean.hint(text, ProfileName.texts()));
                } else if (!text.equals(DEFAULT) && !profiles.contains(text)) {
                    diagnostics.warning(profile.pos(), "profile '" + text + "' does not apply to this scenario");
                }
                mayBeOk |= caseOk;
            }
        }
        if (!seen.containsKey(DEFAULT)) {
            List<String> missing = profiles.stream().filter(p -> !seen.containsKey(p)).toList();
            if (!missing.isEmpty()) {
                diagnostics.error(block.pos(), "no outcome for profile" + (missing.size() > 1 ? "s" : "") + " '"
                        + String.join("', '", missing) + "', add a case or a 'default' case");
            }
        }
        return mayBeOk;
    }
}
