package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.api.Errno;
import org.uapispec.api.Signal;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.ProfileSelection;

/**
 * Checks expected outcomes: errno and signal names, and per-profile blocks (their keys through
 * {@link ProfileKeyChecker}).
 */
final class OutcomeChecker {
    static final String OK = "ok";
    static final String DEFAULT = "default";

    /** What each errno, signal and {@code ok} an outcome may name stands for, for the lookup of every outcome atom. */
    private static final Map<String, Expected> KNOWN = known();

    private final Diagnostics diagnostics;
    private final Resolutions resolved;
    /** What a loop row's outcome sees: no outcome columns, no bindings (nothing is ever bound in it). */
    private final Scope noColumns = new Scope(null);
    private final ProfileKeyChecker keys;

    /** @param resolved where the outcomes each accepted outcome clause names are recorded */
    OutcomeChecker(Diagnostics diagnostics, Resolutions resolved) {
        this.diagnostics = diagnostics;
        this.resolved = resolved;
        this.keys = new ProfileKeyChecker(diagnostics);
    }

    /** Whether the step may succeed on some profile (true after an error, to avoid follow-up errors). */
    boolean check(OutcomeClause outcome, Scope scope, ProfileSelection profiles) {
        if (outcome instanceof OutcomeClause.Implicit) {
            return true;
        } else if (outcome instanceof OutcomeClause.Alternatives alternatives) {
            return alternatives(alternatives, scope);
        }
        return perProfile((OutcomeClause.PerProfile) outcome, scope, profiles);
    }

    /**
     * A loop row's outcome, alternatives or a per-profile block, where outcome columns cannot be
     * referred to; whether it may be ok on some profile.
     */
    boolean row(OutcomeClause outcome, ProfileSelection profiles) {
        return check(outcome, noColumns, profiles);
    }

    /** Records what the alternatives name when they have no error. */
    private boolean alternatives(OutcomeClause.Alternatives alternatives, Scope scope) {
        boolean mayBeOk = false;
        boolean ok = true;
        List<Expected> expected = new ArrayList<>(alternatives.atoms().size());
        Binding onlyColumn = null;
        for (Name atom : alternatives.atoms()) {
            String text = atom.text();
            Binding column = scope.lookup(text);
            Expected known = KNOWN.get(text);
            if (known != null && (column == null || !column.outcomeVariable || text.equals(OK))) {
                mayBeOk |= known instanceof Expected.Ok;
                if (!expected.contains(known)) {
                    expected.add(known);
                }
            } else if (column != null && column.outcomeVariable) {
                column.markUsed();
                if (alternatives.atoms().size() > 1) {
                    diagnostics.error(atom.pos(), "outcome column '" + text + "' cannot be combined with other outcomes");
                    ok = false;
                }
                onlyColumn = column;
                mayBeOk |= column.outcomeMayBeOk;
            } else {
                unknown(atom, scope);
                mayBeOk = true;
                ok = false;
            }
        }
        if (ok) {
            resolved.outcomes.put(alternatives, onlyColumn != null ? new CheckedOutcome.Column(onlyColumn.outcomeLoop)
                    : new CheckedOutcome.Fixed(expected));
        }
        return mayBeOk;
    }

    private void unknown(Name atom, Scope scope) {
        List<String> candidates = new ArrayList<>(Errno.names());
        candidates.addAll(Signal.names());
        candidates.add(OK);
        candidates.add(Expected.AnyErrno.WORD);
        scope.visible().stream().filter(b -> b.outcomeVariable).forEach(b -> candidates.add(b.name()));
        String kind = atom.text().startsWith("SIG") ? "signal" : "errno";
        diagnostics.error(atom.pos(), "unknown " + kind + " '" + atom.text() + "'" + DidYouMean.hint(atom.text(), candidates));
    }

    /** What an outcome atom names when it is {@code ok}, {@code fails}, an errno or a signal; else null. */
    static Expected known(String atom) {
        return KNOWN.get(atom);
    }

    private static Map<String, Expected> known() {
        Map<String, Expected> known = new HashMap<>();
        for (Errno errno : Errno.values()) {
            known.put(errno.name(), new Expected.Fails(errno));
        }
        for (Signal signal : Signal.values()) {
            known.put(signal.name(), new Expected.Raises(signal));
        }
        known.put(OK, new Expected.Ok());
        known.put(Expected.AnyErrno.WORD, new Expected.AnyErrno());
        return Map.copyOf(known);
    }

    /** Checks each case's outcome and the block's keys, and records the keys as resolved. */
    private boolean perProfile(OutcomeClause.PerProfile block, Scope scope, ProfileSelection profiles) {
        boolean mayBeOk = false;
        for (OutcomeClause.ProfileCase c : block.cases()) {
            mayBeOk |= alternatives(c.outcome(), scope);
        }
        resolved.cases.put(block, keys.check(block, profiles));
        return mayBeOk;
    }
}
