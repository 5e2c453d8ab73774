package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProfileSummaryTest {
    private final ObjectMapper json = new ObjectMapper();

    private void add(ProfileSummary summary, String profile, String status, String catalogue, String... steps)
            throws Exception {
        StringBuilder stepJson = new StringBuilder();
        for (String step : steps) {
            stepJson.append(stepJson.length() == 0 ? "" : ",").append("{\"name\":\"").append(step).append("\"}");
        }
        summary.add(json.readTree("{\"status\":\"" + status + "\","
                + "\"labels\":[{\"name\":\"epic\",\"value\":\"Conformance specs\"},"
                + "{\"name\":\"catalogue\",\"value\":\"" + catalogue + "\"}],"
                + "\"parameters\":[{\"name\":\"profile\",\"value\":\"" + profile + "\"}],"
                + "\"steps\":[" + stepJson + "]}"));
    }

    @Test
    void cellsShowStatusAndTheOutcomesEachProfileAnswered() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        add(summary, "i915-2014", "passed", "USERPTR-OVERLAP", "h1 = userptr(f)  \u2192  ok (handle 1)",
                "userptr(f) -> EINVAL  \u2192  EINVAL (22, invalid argument)");
        add(summary, "i915", "passed", "USERPTR-OVERLAP", "h1 = userptr(f)  \u2192  ok (handle 1)");
        add(summary, "i915", "failed", "CLOSE-BAD", "gem_close(f, 42)  \u2192  ENOENT (2, no such file)");

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.cell("USERPTR-OVERLAP", "i915-2014")).isEqualTo("\u2713 EINVAL, ok");
        assertThat(summary.cell("USERPTR-OVERLAP", "i915")).isEqualTo("\u2713 ok");
        assertThat(summary.cell("CLOSE-BAD", "i915")).isEqualTo("\u2717 1 failed ENOENT");
        assertThat(summary.html()).contains("<th>i915-2014</th>").contains("USERPTR-OVERLAP");
    }

    @Test
    void resultsThatAreNotSpecScenariosAreLeftOut() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        summary.add(json.readTree("{\"status\":\"passed\",\"labels\":[{\"name\":\"epic\",\"value\":\"Features\"},"
                + "{\"name\":\"catalogue\",\"value\":\"X\"}]}"));
        assertThat(summary.isEmpty()).isTrue();
    }
}
