package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.source.SourcePos;

/**
 * Checks the keys of a per-profile outcome block: profile and kernel-era names, that no key repeats,
 * and that the block covers every profile of the scenario on every era it follows; resolves them
 * into {@link CheckedCases}.
 */
final class ProfileKeyChecker {
    private final Diagnostics diagnostics;

    ProfileKeyChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The block's keys without errors, after reporting the others and what the block does not cover. */
    CheckedCases check(OutcomeClause.PerProfile block, ProfileSelection profiles) {
        Map<String, SourcePos> seen = new HashMap<>();
        // Profiles with a key in error are not reported as uncovered too; 'default' for all of them.
        Set<String> excused = new HashSet<>();
        List<CheckedCases.Key> keys = new ArrayList<>();
        for (OutcomeClause.ProfileCase c : block.cases()) {
            for (OutcomeClause.ProfileKey key : c.keys()) {
                SourcePos first = seen.putIfAbsent(key.text(), key.pos());
                if (first != null) {
                    diagnostics.error(key.pos(), EraKeys.named(key) + " appears twice in this outcome, first at "
                            + first.lineAndColumn());
                    continue;
                }
                CheckedCases.Key resolved = resolve(key, c.outcome(), profiles);
                if (resolved == null) {
                    excused.add(key.profile().text());
                } else {
                    keys.add(resolved);
                }
            }
        }
        CheckedCases cases = new CheckedCases(keys);
        if (!excused.contains(OutcomeChecker.DEFAULT)) {
            coverage(block, cases, profiles, excused);
        }
        return cases;
    }

    /** The key as resolved, or null after reporting its error. */
    private CheckedCases.Key resolve(OutcomeClause.ProfileKey key, OutcomeClause.Alternatives outcome,
            ProfileSelection profiles) {
        String name = key.profile().text();
        OutcomeClause.Era era = key.era();
        if (name.equals(OutcomeChecker.DEFAULT)) {
            if (era != null) {
                diagnostics.error(key.pos(), "'default' covers every profile and era and takes no '" + era.text() + "'");
                return null;
            }
            return new CheckedCases.Key(null, null, false, outcome);
        }
        Optional<ProfileName> profile = ProfileName.byText(name);
        if (profile.isEmpty()) {
            diagnostics.error(key.pos(), "unknown profile '" + name + "'" + DidYouMean.hint(name, ProfileName.texts()));
            return null;
        }
        KernelEra kernelEra = era == null ? null : EraKeys.era(key, profile.get(), diagnostics);
        if (era != null && kernelEra == null) {
            return null;
        }
        boolean onwards = era != null && era.onwards();
        if (!profiles.profiles().contains(name)) {
            diagnostics.warning(key.pos(), "profile '" + name + "' does not apply to this scenario");
        } else if (Collections.disjoint(EraKeys.eras(kernelEra, onwards), profiles.eras(name))) {
            diagnostics.warning(key.pos(), "key '" + key.text() + "' does not apply to this scenario");
        }
        return new CheckedCases.Key(name, kernelEra, onwards, outcome);
    }

    /**
     * Without {@code default}, each profile of the scenario needs a case on every era it answers as:
     * each kernel era the scenario runs a profile that follows them on, for another its own. A
     * profile with no case at all is reported by name, one with cases for some eras only by the eras
     * it lacks.
     */
    private void coverage(OutcomeClause.PerProfile block, CheckedCases cases, ProfileSelection profiles,
            Set<String> excused) {
        List<String> missing = new ArrayList<>();
        List<String> missingEras = new ArrayList<>();
        for (String profile : profiles.profiles()) {
            if (excused.contains(profile)) {
                continue;
            }
            boolean followsEras = ProfileName.byText(profile).map(ProfileName::followsKernelEras).orElse(false);
            Collection<KernelEra> eras = followsEras ? profiles.eras(profile) : List.of(KernelEra.newest());
            List<String> uncovered = new ArrayList<>();
            for (KernelEra era : eras) {
                if (cases.caseFor(profile, era) == null) {
                    uncovered.add(profile + "@" + era.text());
                }
            }
            if (uncovered.size() == eras.size()) {
                missing.add(profile);
            } else {
                missingEras.addAll(uncovered);
            }
        }
        if (!missing.isEmpty()) {
            diagnostics.error(block.pos(), "no outcome for profile" + (missing.size() > 1 ? "s" : "") + " '"
                    + String.join("', '", missing) + "', add a case or a 'default' case");
        }
        if (!missingEras.isEmpty()) {
            diagnostics.error(block.pos(), "no outcome for '" + String.join("', '", missingEras)
                    + "', add a case or a 'default' case");
        }
    }
}
