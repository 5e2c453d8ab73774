package org.uapispec.grammar.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.catalogue.Catalogue;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.NameList;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Spec;
import org.uapispec.grammar.ast.SpecMember;
import org.uapispec.grammar.ast.SyntaxNode;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.diag.Diagnostics;

/**
 * Checks the {@code catalogue [...]} lists of a spec and its scenarios against the project's
 * {@link Catalogue}: each citation is an entry's number ({@code 18}) or key ({@code FLINK-BASIC});
 * anything else is an error, with the nearest key when one is close. A number and a key of the same
 * entry are one citation: lowering gets the entry's number for both, and citing one entry twice in
 * one list is a warning.
 */
final class CatalogueChecker {
    private final Diagnostics diagnostics;
    private final Catalogue catalogue;
    private final Map<Name, String> citations;

    CatalogueChecker(Diagnostics diagnostics, Catalogue catalogue, Map<Name, String> citations) {
        this.diagnostics = diagnostics;
        this.catalogue = catalogue;
        this.citations = citations;
    }

    void check(Spec spec) {
        lists(spec.members());
        for (SpecMember member : spec.members()) {
            if (member instanceof ScenarioDecl scenario) {
                lists(scenario.members());
            }
        }
    }

    private void lists(List<? extends SyntaxNode> members) {
        for (SyntaxNode member : members) {
            if (member instanceof NameList list && list.kind() == NameList.Kind.CATALOGUE) {
                list(list);
            }
        }
    }

    private void list(NameList list) {
        Map<Integer, Name> cited = new HashMap<>();
        for (Name name : list.names()) {
            Optional<Catalogue.Entry> entry = catalogue.resolve(name.text());
            if (entry.isEmpty()) {
                diagnostics.error(name.pos(), unknown(name.text()));
                continue;
            }
            Name first = cited.putIfAbsent(entry.get().id(), name);
            if (first != null) {
                diagnostics.warning(name.pos(), "'" + name.text() + "' cites catalogue entry " + entry.get().label()
                        + " again ('" + first.text() + "' at " + first.pos().lineAndColumn() + ")");
            }
            citations.put(name, Integer.toString(entry.get().id()));
        }
    }

    private String unknown(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "unknown catalogue ID '" + text + "': the catalogue numbers its entries " + catalogue.firstId()
                    + " to " + catalogue.lastId();
        }
        return "unknown catalogue ID '" + text + "'" + DidYouMean.hint(text, catalogue.keys());
    }
}
