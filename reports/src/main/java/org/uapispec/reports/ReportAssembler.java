package org.uapispec.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Gathers the Allure results of the suites into one results directory and adds what the report
 * shows beside them: {@code categories.json}, {@code environment.properties}, {@code executor.json},
 * the history of the previous report (for trends), and the catalogue-by-profile summary as a result
 * of its own. allure-maven then turns the directory into HTML.
 */
@Command(name = "report-assembler", mixinStandardHelpOptions = true,
        description = "Gathers uapispec's Allure results into one directory for allure-maven.")
public final class ReportAssembler implements Callable<Integer> {
    static final String SUMMARY_NAME = "Catalogue ID by profile";
    /** The epic of the Cucumber features. */
    static final String FEATURES = "Features";

    @Option(names = "--out", required = true, description = "the results directory to build (emptied first)")
    Path out;

    @Option(names = "--from", required = true, description = "a results directory of one suite (repeatable)")
    List<Path> from = new ArrayList<>();

    @Option(names = "--history", description = "the history folder of the previous report, for trends")
    Path history;

    @Option(names = "--java-version", description = "the Java version for the environment block")
    String javaVersion = System.getProperty("java.version");

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private PrintWriter log = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        int code = new CommandLine(new ReportAssembler()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws IOException {
        emptyDirectory(out);
        int copied = 0;
        for (Path dir : from) {
            copied += copyResults(dir);
        }
        if (copied == 0) {
            log.println("report-assembler: no Allure results in " + from
                    + ": run the suites first (mvn -B verify -Preport)");
            return 2;
        }
        copyHistory();
        writeCategories();
        writeEnvironment();
        writeExecutor();
        int rows = writeSummary();
        log.println("report-assembler: " + copied + " result files from " + from.size() + " suites, "
                + rows + " catalogue IDs in the profile summary, into " + out);
        return 0;
    }

    ReportAssembler withLog(PrintWriter writer) {
        this.log = writer;
        return this;
    }

    private int copyResults(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            log.println("report-assembler: no results at " + dir + " (that suite did not run)");
            return 0;
        }
        int count = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                if (file.getFileName().toString().endsWith("-result.json")) {
                    json.writeValue(out.resolve(file.getFileName()).toFile(), kindMarked(grouped(read(file))));
                } else {
                    Files.copy(file, out.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
                count++;
            }
        }
        return count;
    }

    /**
     * A result that names no epic (the Cucumber plugin's) goes under the epic and parent suite
     * {@value #FEATURES}, beside the engine's "Conformance specs", so both trees have one root each.
     */
    private static JsonNode grouped(JsonNode result) {
        if (!(result instanceof ObjectNode node) || Results.labels(result).containsKey("epic")) {
            return result;
        }
        ArrayNode labels = node.has("labels") ? (ArrayNode) node.get("labels") : node.putArray("labels");
        labels.addObject().put("name", "epic").put("value", FEATURES);
        labels.addObject().put("name", "parentSuite").put("value", FEATURES);
        return node;
    }

    /**
     * A failed or broken result gets its failure kind as the last line of its trace, which is what
     * the categories match (Allure matches categories by message or trace text only).
     */
    private static JsonNode kindMarked(JsonNode result) {
        String status = result.path("status").asText();
        if (!(result instanceof ObjectNode node) || !(status.equals("failed") || status.equals("broken"))) {
            return result;
        }
        ObjectNode details = node.has("statusDetails") && node.get("statusDetails") instanceof ObjectNode d
                ? d : node.putObject("statusDetails");
        String trace = details.path("trace").asText("");
        String marker = Category.marker(Categories.kind(result));
        details.put("trace", trace.isEmpty() ? marker : trace + (trace.endsWith("\n") ? "" : "\n") + marker);
        return node;
    }

    private void copyHistory() throws IOException {
        if (history == null || !Files.isDirectory(history)) {
            return;
        }
        Path target = Files.createDirectories(out.resolve("history"));
        try (Stream<Path> files = Files.list(history)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void writeCategories() throws IOException {
        ArrayNode categories = json.createArrayNode();
        for (Category category : Categories.ALL) {
            ObjectNode node = categories.addObject();
            node.put("name", category.name());
            node.put("description", category.description());
            ArrayNode statuses = node.putArray("matchedStatuses");
            category.matchedStatuses().forEach(statuses::add);
            node.put("traceRegex", category.traceRegex());
        }
        json.writeValue(out.resolve("categories.json").toFile(), categories);
    }

    private void writeEnvironment() throws IOException {
        Properties environment = new Properties();
        environment.setProperty("Profiles", "generic, i915-2014, i915-2019, i915, i915-mmap-forward, exynos-2012");
        environment.setProperty("Backend", "reference device");
        environment.setProperty("Java", javaVersion);
        environment.setProperty("OS", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        try (var writer = Files.newBufferedWriter(out.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            environment.store(writer, "uapispec report environment");
        }
    }

    private void writeExecutor() throws IOException {
        ObjectNode executor = json.createObjectNode();
        executor.put("name", "Maven");
        executor.put("type", "maven");
        executor.put("buildName", "uapispec conformance run");
        json.writeValue(out.resolve("executor.json").toFile(), executor);
    }

    /** The summary as a passed result of its own, with the table attached as HTML. */
    private int writeSummary() throws IOException {
        ProfileSummary summary = new ProfileSummary();
        try (Stream<Path> files = Files.list(out)) {
            files.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted(Comparator.naturalOrder())
                    .forEach(f -> summary.add(read(f)));
        }
        if (summary.isEmpty()) {
            return 0;
        }
        String uuid = UUID.nameUUIDFromBytes("uapispec-profile-summary".getBytes(StandardCharsets.UTF_8)).toString();
        String attachment = uuid + "-attachment.html";
        Files.writeString(out.resolve(attachment), summary.html(), StandardCharsets.UTF_8);
        long now = System.currentTimeMillis();
        ObjectNode result = json.createObjectNode();
        result.put("uuid", uuid);
        result.put("historyId", "uapispec-profile-summary");
        result.put("name", SUMMARY_NAME);
        result.put("fullName", "uapispec." + SUMMARY_NAME);
        result.put("status", "passed");
        result.put("stage", "finished");
        result.put("start", now);
        result.put("stop", now);
        result.put("description", "How each driver and era answers, by catalogue ID: open the attachment.");
        ArrayNode labels = result.putArray("labels");
        labels.addObject().put("name", "epic").put("value", "Summary");
        labels.addObject().put("name", "suite").put("value", "Summary");
        ArrayNode attachments = result.putArray("attachments");
        attachments.addObject().put("name", SUMMARY_NAME).put("source", attachment).put("type", "text/html");
        json.writeValue(out.resolve(uuid + "-result.json").toFile(), result);
        return summary.rows();
    }

    private JsonNode read(Path file) {
        try {
            return json.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Allure result " + file, e);
        }
    }

    private static void emptyDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
    }
}
