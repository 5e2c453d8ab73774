package org.uapispec.grammar.model;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * One scenario, ready to run on each of its profiles.
 *
 * @param profiles the profiles it runs on (its own list, or the spec's)
 * @param tags     the spec's tags followed by its own
 * @param setup    the spec's setup steps, run first
 * @param steps    its own steps, loops expanded
 */
public record Scenario(SourcePos pos, String title, List<String> doc, String description, List<String> tags,
        List<String> profiles, List<String> catalogue, List<Step> setup, List<Step> steps) {
    public Scenario {
        doc = List.copyOf(doc);
        tags = List.copyOf(tags);
        profiles = List.copyOf(profiles);
        catalogue = List.copyOf(catalogue);
        setup = List.copyOf(setup);
        steps = List.copyOf(steps);
    }

    /** Setup steps followed by the scenario's own. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>(setup);
        all.addAll(steps);
        return List.copyOf(all);
    }
}
