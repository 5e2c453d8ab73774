package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ProfileList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SyntaxNode;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.model.ProfileSelection;

/**
 * Checks the {@code profiles [...]} lists of a spec and its scenarios and resolves each into a
 * {@link ProfileSelection}. An item is a key as in an outcome block ({@code generic},
 * {@code generic@5.10}, {@code generic@6.1+}) and is checked the same way; no profile may be listed
 * twice on one era ({@code generic@5.10, generic@6.12+} is their union), and a scenario, whose list
 * replaces the spec's, may name only profiles and eras the spec runs on.
 */
final class ProfileListChecker {
    /** An item without an era: every era (never changed). */
    private static final Set<KernelEra> EVERY_ERA = Collections.unmodifiableSet(EnumSet.allOf(KernelEra.class));
    /** What a spec without a list runs on. */
    private static final ProfileSelection EVERY_PROFILE = ProfileSelection.of(ProfileName.texts());

    private final Diagnostics diagnostics;

    ProfileListChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The spec's profiles: every profile on every era when it lists none. */
    ProfileSelection specProfiles(Spec spec) {
        return selection(spec.members(), EVERY_PROFILE, "");
    }

    /** The scenario's profiles: the spec's when it lists none. */
    ProfileSelection scenarioProfiles(ScenarioDecl scenario, ProfileSelection specProfiles) {
        return selection(scenario.members(), specProfiles, "the spec's ");
    }

    /** The items of every list among {@code members} without errors, or {@code allowed} when there are none. */
    private ProfileSelection selection(List<? extends SyntaxNode> members, ProfileSelection allowed,
            String allowedName) {
        Listed listed = new Listed();
        for (SyntaxNode member : members) {
            if (member instanceof ProfileList list) {
                for (OutcomeClause.ProfileKey key : list.keys()) {
                    item(key, allowed, allowedName, listed);
                }
            }
        }
        return listed.profiles.isEmpty() ? allowed : new ProfileSelection(listed.profiles, listed.limited());
    }

    private void item(OutcomeClause.ProfileKey key, ProfileSelection allowed, String allowedName, Listed listed) {
        String name = key.profile().text();
        Optional<ProfileName> profile = ProfileName.byText(name);
        if (profile.isEmpty()) {
            diagnostics.error(key.pos(), "unknown profile '" + name + "'" + DidYouMean.hint(name, ProfileName.texts()));
            return;
        }
        KernelEra era = null;
        if (key.era() != null) {
            era = EraKeys.era(key, profile.get(), diagnostics);
            if (era == null) {
                return;
            }
        }
        Set<KernelEra> eras = era == null ? EVERY_ERA : EraKeys.eras(era, key.era().onwards());
        if (repeated(key, eras, listed.earlier.computeIfAbsent(name, p -> new ArrayList<>(1)))) {
            return;
        }
        if (!allowed.profiles().contains(name)) {
            diagnostics.error(key.pos(), "profile '" + name + "' is not among " + allowedName + "profiles");
            return;
        }
        Set<KernelEra> allowedEras = allowed.eras(name);
        if (allowedEras.size() == EVERY_ERA.size()) {
            listed.add(name, eras); // the common case: nothing lies outside every era
            return;
        }
        Set<KernelEra> outside = EnumSet.copyOf(eras);
        outside.removeAll(allowedEras);
        if (!outside.isEmpty()) {
            diagnostics.error(key.pos(), EraKeys.named(key) + " is not among " + allowedName + "profiles on "
                    + EraKeys.texts(outside));
            return;
        }
        listed.add(name, eras);
    }

    /**
     * Whether an earlier item of the same profile shares an era with this one (reported); if not,
     * the item joins {@code earlier}.
     */
    private boolean repeated(OutcomeClause.ProfileKey key, Set<KernelEra> eras, List<Item> earlier) {
        for (Item item : earlier) {
            Set<KernelEra> both = EnumSet.copyOf(eras);
            both.retainAll(item.eras());
            if (item.key().text().equals(key.text())) {
                diagnostics.error(key.pos(), EraKeys.named(key) + " is listed twice, first at " + at(item));
                return true;
            } else if (!both.isEmpty()) {
                diagnostics.error(key.pos(), EraKeys.named(key) + " overlaps '" + item.key().text() + "' at " + at(item)
                        + " on " + EraKeys.texts(both));
                return true;
            }
        }
        earlier.add(new Item(key, eras));
        return false;
    }

    private static String at(Item item) {
        return item.key().pos().lineAndColumn();
    }

    /** An item without errors so far, and the eras it stands for. */
    private record Item(OutcomeClause.ProfileKey key, Set<KernelEra> eras) {
    }

    /** The profiles listed so far, in order, and the eras of each. */
    private static final class Listed {
        final List<String> profiles = new ArrayList<>();
        final Map<String, Set<KernelEra>> eras = new HashMap<>();
        /** The items of each profile seen so far, to tell a repeat. */
        final Map<String, List<Item>> earlier = new HashMap<>();

        /** The eras of the profiles listed on some eras only (most lists have none). */
        Map<String, Set<KernelEra>> limited() {
            Map<String, Set<KernelEra>> limited = null;
            for (Map.Entry<String, Set<KernelEra>> entry : eras.entrySet()) {
                if (entry.getValue().size() != EVERY_ERA.size()) {
                    if (limited == null) {
                        limited = new HashMap<>();
                    }
                    limited.put(entry.getKey(), entry.getValue());
                }
            }
            return limited == null ? Map.of() : limited;
        }

        /** {@code more} may be shared; the first item of a profile keeps it until a second one comes. */
        void add(String profile, Set<KernelEra> more) {
            Set<KernelEra> all = eras.get(profile);
            if (all == null) {
                profiles.add(profile);
                eras.put(profile, more);
            } else {
                Set<KernelEra> union = EnumSet.copyOf(all);
                union.addAll(more);
                eras.put(profile, union);
            }
        }
    }
}
