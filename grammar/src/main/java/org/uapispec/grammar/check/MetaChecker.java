package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.ScenarioMember;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.api.ProfileName;
import org.uapispec.grammar.source.SourcePos;

/** Spec-level checks: profile names, scenario profiles within the spec's, duplicate scenarios and setups. */
final class MetaChecker {
    private final Diagnostics diagnostics;

    MetaChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The spec's profiles (all known ones when it lists none); unknown names are reported. */
    ProfileSelection specProfiles(Spec spec) {
        List<String> listed = new ArrayList<>();
        for (SpecMember member : spec.members()) {
            if (member instanceof NameList list) {
                profiles(list, ProfileName.texts(), "", listed);
            }
        }
        return ProfileSelection.of(listed.isEmpty() ? ProfileName.texts() : listed);
    }

    /** The scenario's profiles (the spec's when it lists none); those not among the spec's are reported. */
    ProfileSelection scenarioProfiles(ScenarioDecl scenario, ProfileSelection specProfiles) {
        List<String> listed = new ArrayList<>();
        for (ScenarioMember member : scenario.members()) {
            if (member instanceof NameList list) {
                profiles(list, specProfiles.profiles(), "the spec's ", listed);
            }
        }
        return listed.isEmpty() ? specProfiles : ProfileSelection.of(listed);
    }

    /**
     * Adds the profiles of a {@code profiles [...]} list to {@code out}, once each; reports unknown ones
     * and those outside {@code allowed}. Other name lists are ignored.
     */
    private void profiles(NameList list, List<String> allowed, String allowedName, List<String> out) {
        if (list.kind() != NameList.Kind.PROFILES) {
            return;
        }
        for (Name name : list.names()) {
            String text = name.text();
            if (ProfileName.byText(text).isEmpty()) {
                diagnostics.error(name.pos(), "unknown profile '" + text + "'" + DidYouMean.hint(text, ProfileName.texts()));
            } else if (!allowed.contains(text)) {
                diagnostics.error(name.pos(), "profile '" + text + "' is not among " + allowedName + "profiles");
            } else if (!out.contains(text)) {
                out.add(text);
            }
        }
    }

    /** Scenario titles and setups must be unique; the second one points at the first. */
    void duplicates(Spec spec) {
        Map<String, SourcePos> titles = new HashMap<>();
        SourcePos setup = null;
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl scenario) {
                SourcePos first = titles.putIfAbsent(scenario.title(), scenario.pos());
                if (first != null) {
                    diagnostics.error(scenario.pos(), "duplicate scenario '" + scenario.title() + "', first defined at "
                            + first.lineAndColumn());
                }
            } else if (member instanceof Setup s) {
                if (setup != null) {
                    diagnostics.error(s.pos(), "duplicate setup, first defined at " + setup.lineAndColumn());
                } else {
                    setup = s.pos();
                }
            }
        }
    }
}
