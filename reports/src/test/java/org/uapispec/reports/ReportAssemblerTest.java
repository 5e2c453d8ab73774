package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportAssemblerTest {
    @TempDir
    Path tmp;

    private int run(StringWriter log, String... args) {
        return new CommandLine(new ReportAssembler().withLog(new PrintWriter(log, true))).execute(args);
    }

    private static void result(Path dir, String name, String epic) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + "-result.json"), "{\"uuid\":\"" + name + "\",\"status\":\"passed\","
                + "\"labels\":[{\"name\":\"epic\",\"value\":\"" + epic + "\"},"
                + "{\"name\":\"catalogue\",\"value\":\"HANDLE-REUSE\"}],"
                + "\"parameters\":[{\"name\":\"profile\",\"value\":\"generic\"}],\"steps\":[]}");
    }

    @Test
    void gathersBothSuitesWithCategoriesEnvironmentHistoryAndSummary() throws Exception {
        result(tmp.resolve("specs"), "a", "Conformance specs");
        result(tmp.resolve("features"), "b", "Features");
        Path history = Files.createDirectories(tmp.resolve("old-report/history"));
        Files.writeString(history.resolve("history-trend.json"), "[]");
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale-result.json"), "{}");

        StringWriter log = new StringWriter();
        int code = run(log, "--out=" + out, "--from=" + tmp.resolve("specs"), "--from=" + tmp.resolve("features"),
                "--history=" + history, "--java-version=17.0.15");

        assertThat(code).isZero();
        assertThat(out.resolve("a-result.json")).exists();
        assertThat(out.resolve("b-result.json")).exists();
        assertThat(out.resolve("stale-result.json")).doesNotExist();
        assertThat(out.resolve("history/history-trend.json")).exists();
        assertThat(Files.readString(out.resolve("environment.properties"))).contains("Java=17.0.15");
        JsonNode categories = new ObjectMapper().readTree(out.resolve("categories.json").toFile());
        assertThat(categories).hasSize(Categories.ALL.size());
        assertThat(categories.get(2).path("name").asText()).isEqualTo(Categories.ERRNO_MISMATCHES);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.endsWith("-attachment.html"));
        }
        assertThat(log.toString()).contains("1 catalogue IDs in the profile summary");
    }

    @Test
    void resultsWithoutAnEpicAreGroupedUnderFeatures() throws Exception {
        Path features = tmp.resolve("features");
        Files.createDirectories(features);
        Files.writeString(features.resolve("c-result.json"), "{\"uuid\":\"c\",\"status\":\"passed\","
                + "\"labels\":[{\"name\":\"feature\",\"value\":\"overlap\"}]}");
        Path out = tmp.resolve("out");
        assertThat(run(new StringWriter(), "--out=" + out, "--from=" + features)).isZero();
        JsonNode result = new ObjectMapper().readTree(out.resolve("c-result.json").toFile());
        assertThat(Results.labels(result).get("epic")).containsExactly(ReportAssembler.FEATURES);
        assertThat(Results.labels(result).get("feature")).containsExactly("overlap");
    }

    @Test
    void withoutAnyResultsItSaysWhatToRunAndFails() {
        StringWriter log = new StringWriter();
        int code = run(log, "--out=" + tmp.resolve("out"), "--from=" + tmp.resolve("missing"));
        assertThat(code).isEqualTo(2);
        assertThat(log.toString()).contains("no results at").contains("run the suites first");
    }
}
