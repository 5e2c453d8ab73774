package org.uapispec.grammar.check;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Setup;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.SourcePos;

/** Spec-level checks: duplicate scenarios and setups (the profiles lists are {@link ProfileListChecker}'s). */
final class MetaChecker {
    private final Diagnostics diagnostics;

    MetaChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
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
