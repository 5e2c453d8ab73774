package org.uapispec.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reading the fields of an Allure result JSON. */
final class Results {
    private Results() {
    }

    static Map<String, Set<String>> labels(JsonNode result) {
        Map<String, Set<String>> labels = new HashMap<>();
        for (JsonNode label : result.path("labels")) {
            labels.computeIfAbsent(label.path("name").asText(), k -> new LinkedHashSet<>())
                    .add(label.path("value").asText());
        }
        return labels;
    }

    static Optional<String> parameter(JsonNode result, String name) {
        for (JsonNode parameter : result.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return Optional.of(parameter.path("value").asText());
            }
        }
        return Optional.empty();
    }
}
