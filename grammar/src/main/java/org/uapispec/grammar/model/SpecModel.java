package org.uapispec.grammar.model;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** A compiled spec file: what the engine discovers and runs. */
public record SpecModel(SourcePos pos, String title, List<String> doc, String description, List<String> tags,
        List<String> profiles, List<String> catalogue, List<Invariant> invariants, List<Scenario> scenarios) {
    public SpecModel {
        doc = List.copyOf(doc);
        tags = List.copyOf(tags);
        profiles = List.copyOf(profiles);
        catalogue = List.copyOf(catalogue);
        invariants = List.copyOf(invariants);
        scenarios = List.copyOf(scenarios);
    }
}
