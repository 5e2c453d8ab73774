package org.uapispec.engine;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * What a report needs to present one run: the spec and scenario names, their doc comments and
 * descriptions, tags, catalogue IDs, the profile and kernel, and where the scenario is written.
 *
 * @param kernel the kernel the run is on ({@code Linux 6.1.192-3 (6.1.0-57-amd64)}); empty on the model
 * @param source the spec's resource name or file path, as a link target
 */
record ScenarioInfo(String specTitle, String scenarioTitle, String profile, String kernel, List<String> doc,
        String description, List<String> tags, List<String> catalogue, String source, SourcePos pos) {
    public ScenarioInfo {
        doc = List.copyOf(doc);
        tags = List.copyOf(tags);
        catalogue = List.copyOf(catalogue);
    }
}
