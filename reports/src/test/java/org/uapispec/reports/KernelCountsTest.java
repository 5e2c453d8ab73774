package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelCountsTest {
    @TempDir
    Path specs;
    @TempDir
    Path features;

    private static void result(Path dir, String name, String status, String kernel) throws IOException {
        String parameters = kernel == null ? "[{\"name\":\"profile\",\"value\":\"generic\"}]"
                : "[{\"name\":\"profile\",\"value\":\"generic\"},{\"name\":\"kernel\",\"value\":\"" + kernel + "\"}]";
        Files.writeString(dir.resolve(name + "-result.json"),
                "{\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"parameters\":" + parameters + "}");
    }

    private static KernelCounts counts(boolean require, Path... dirs) {
        KernelCounts counts = new KernelCounts();
        counts.from = List.of(dirs);
        counts.requireKernels = require;
        return counts;
    }

    @Test
    void resultsAreCountedOncePerBackendByStatusTheModelFirst() throws IOException {
        result(specs, "a", "passed", "model");
        result(specs, "b", "failed", "Linux 6.12.118-1 (6.12.118+deb13-amd64)");
        result(specs, "c", "passed", "Linux 6.1.192-3 (6.1.0-57-amd64)");
        result(features, "d", "passed", null);
        result(features, "e", "broken", "Linux 6.1.192-3 (6.1.0-57-amd64)");
        Files.writeString(specs.resolve("x-container.json"), "{}");
        Map<String, Map<String, Integer>> counted = counts(false, specs, features).count();
        assertThat(counted.keySet()).containsExactly("model", "Linux 6.1.192-3 (6.1.0-57-amd64)",
                "Linux 6.12.118-1 (6.12.118+deb13-amd64)");
        assertThat(counted.get("model")).containsExactlyEntriesOf(Map.of("passed", 2));
        assertThat(counted.get("Linux 6.1.192-3 (6.1.0-57-amd64)")).containsEntry("passed", 1).containsEntry("broken", 1);
        assertThat(counted.get("Linux 6.12.118-1 (6.12.118+deb13-amd64)")).containsExactlyEntriesOf(Map.of("failed", 1));
    }

    @Test
    void thePrintedLinesSayEachBackendsTotalAndEveryStatus() throws IOException {
        result(specs, "a", "passed", "model");
        result(specs, "b", "skipped", "Linux 6.1.192-3 (6.1.0-57-amd64)");
        KernelCounts counts = counts(true, specs);
        StringWriter printed = new StringWriter();
        counts.out = new PrintWriter(printed, true);
        assertThat(counts.call()).isZero();
        assertThat(printed.toString().lines()).containsExactly(
                String.format("%-45s %5d results: 1 passed, 0 failed, 0 broken, 0 skipped", "model", 1),
                String.format("%-45s %5d results: 0 passed, 0 failed, 0 broken, 1 skipped",
                        "Linux 6.1.192-3 (6.1.0-57-amd64)", 1));
    }

    @Test
    void withoutAnyKernelResultItSaysSoAndFailsOnlyWhenKernelsAreRequired() throws IOException {
        result(specs, "a", "passed", null);
        KernelCounts lenient = counts(false, specs);
        lenient.out = new PrintWriter(new StringWriter(), true);
        assertThat(lenient.call()).isZero();
        KernelCounts strict = counts(true, specs);
        StringWriter printed = new StringWriter();
        strict.out = new PrintWriter(printed, true);
        assertThat(strict.call()).isEqualTo(2);
        assertThat(printed.toString()).contains("kernel-counts: no result ran on a kernel");
    }
}
