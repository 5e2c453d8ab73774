package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProfileSummaryTest {
    private final ObjectMapper json = new ObjectMapper();

    /** A result whose steps answered {@code answers}; an empty answer is a step with no answer (a check). */
    private void add(ProfileSummary summary, String profile, String status, String catalogue, String... answers)
            throws Exception {
        addOn(summary, profile, "model", status, catalogue, answers);
    }

    private void addOn(ProfileSummary summary, String profile, String kernel, String status, String catalogue,
            String... answers) throws Exception {
        StringBuilder stepJson = new StringBuilder();
        for (String answer : answers) {
            stepJson.append(stepJson.length() == 0 ? "" : ",").append("{\"name\":\"a step\",\"parameters\":[")
                    .append(answer.isEmpty() ? "" : "{\"name\":\"answer\",\"value\":\"" + answer + "\"}")
                    .append("]}");
        }
        summary.add(json.readTree("{\"status\":\"" + status + "\","
                + "\"labels\":[{\"name\":\"epic\",\"value\":\"Conformance specs\"},"
                + "{\"name\":\"catalogue\",\"value\":\"" + catalogue + "\"}],"
                + "\"parameters\":[{\"name\":\"profile\",\"value\":\"" + profile + "\"},"
                + "{\"name\":\"kernel\",\"value\":\"" + kernel + "\"}],"
                + "\"steps\":[" + stepJson + "]}"));
    }

    @Test
    void cellsShowStatusAndTheOutcomesEachProfileAnswered() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        add(summary, "i915-2014", "passed", "USERPTR-OVERLAP", "ok", "EINVAL", "");
        add(summary, "i915", "passed", "USERPTR-OVERLAP", "ok", "");
        add(summary, "i915", "failed", "CLOSE-BAD", "ENOENT");

        assertThat(summary.rows()).isEqualTo(2);
        assertThat(summary.cell("USERPTR-OVERLAP", "i915-2014")).isEqualTo("\u2713 EINVAL, ok");
        assertThat(summary.cell("USERPTR-OVERLAP", "i915")).isEqualTo("\u2713 ok");
        assertThat(summary.cell("CLOSE-BAD", "i915")).isEqualTo("\u2717 1 failed ENOENT");
        assertThat(summary.html()).contains("<th>i915-2014</th>").contains("USERPTR-OVERLAP");
    }

    @Test
    void aProfileOnAKernelIsAColumnOfItsOwnAfterThatProfilesModelColumn() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        add(summary, "generic", "passed", "72", "EINVAL");
        addOn(summary, "generic", "Linux 5.10.262-1 (5.10.0-46-amd64)", "passed", "72", "ok");
        addOn(summary, "generic", "Linux 6.1.192-3 (6.1.0-57-amd64)", "failed", "72", "EINVAL");
        add(summary, "i915", "passed", "72", "ok");
        assertThat(summary.cell("72", "generic")).isEqualTo("\u2713 EINVAL");
        assertThat(summary.cell("72", "generic on Linux 5.10.262-1 (5.10.0-46-amd64)")).isEqualTo("\u2713 ok");
        assertThat(summary.cell("72", "generic on Linux 6.1.192-3 (6.1.0-57-amd64)")).isEqualTo("\u2717 1 failed EINVAL");
        String html = summary.html();
        assertThat(html.indexOf("<th>generic</th>")).isLessThan(html.indexOf("<th>generic on Linux 5.10"));
        assertThat(html.indexOf("<th>generic on Linux 6.1")).isLessThan(html.indexOf("<th>i915</th>"));
    }

    @Test
    void idsSortByNumberAndProfilesByEra() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        for (String id : new String[] {"100", "9", "10", "2"}) {
            add(summary, "i915", "passed", id);
        }
        add(summary, "generic", "passed", "2");
        add(summary, "i915-2014", "passed", "2");
        String html = summary.html();
        assertThat(html.indexOf(">2<")).isLessThan(html.indexOf(">9<"));
        assertThat(html.indexOf(">9<")).isLessThan(html.indexOf(">10<"));
        assertThat(html.indexOf(">10<")).isLessThan(html.indexOf(">100<"));
        assertThat(html.indexOf("<th>generic</th>")).isLessThan(html.indexOf("<th>i915-2014</th>"));
        assertThat(html.indexOf("<th>i915-2014</th>")).isLessThan(html.indexOf("<th>i915</th>"));
        assertThat(NaturalOrder.INSTANCE.compare("USERPTR-OVERLAP-3.16", "USERPTR-OVERLAP-3.18+")).isNegative();
    }

    @Test
    void resultsThatAreNotSpecScenariosAreLeftOut() throws Exception {
        ProfileSummary summary = new ProfileSummary();
        summary.add(json.readTree("{\"status\":\"passed\",\"labels\":[{\"name\":\"epic\",\"value\":\"Features\"},"
                + "{\"name\":\"catalogue\",\"value\":\"X\"}]}"));
        assertThat(summary.isEmpty()).isTrue();
    }
}
