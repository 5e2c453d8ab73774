package org.uapispec.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How many results each backend had and how they ended, from the Allure results the suites wrote:
 * one line for the model and one per kernel (the results' {@code kernel} parameter, which the engine
 * and the features write; a result without it ran on the model). The kernels profile runs it at the
 * end of the build, so that the log shows the kernel tests with their counts per kernel.
 */
@Command(name = "kernel-counts", mixinStandardHelpOptions = true,
        description = "Counts uapispec's Allure results per backend: the model and each kernel.")
public final class KernelCounts implements Callable<Integer> {
    /** The {@code kernel} parameter of a result on the reference device (the engine's {@code AllureRunListener.MODEL}). */
    static final String MODEL = "model";
    private static final List<String> STATUSES = List.of("passed", "failed", "broken", "skipped");

    @Option(names = "--from", required = true, description = "a results directory of one suite (repeatable)")
    List<Path> from = new ArrayList<>();

    @Option(names = "--require-kernels", description = "fail (exit 2) when no result ran on a kernel")
    boolean requireKernels;

    private final ObjectMapper json = new ObjectMapper();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);

    public static void main(String[] args) {
        int code = new CommandLine(new KernelCounts()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws IOException {
        Map<String, Map<String, Integer>> byBackend = count();
        for (Map.Entry<String, Map<String, Integer>> backend : byBackend.entrySet()) {
            Map<String, Integer> ended = backend.getValue();
            int total = ended.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder line = new StringBuilder(String.format("%-45s %5d results:", backend.getKey(), total));
            for (String status : STATUSES) {
                line.append(status.equals(STATUSES.get(0)) ? " " : ", ").append(ended.getOrDefault(status, 0))
                        .append(' ').append(status);
            }
            ended.keySet().stream().filter(s -> !STATUSES.contains(s))
                    .forEach(s -> line.append(", ").append(ended.get(s)).append(' ').append(s));
            out.println(line);
        }
        if (byBackend.keySet().stream().allMatch(MODEL::equals)) {
            out.println("kernel-counts: no result ran on a kernel");
            return requireKernels ? 2 : 0;
        }
        return 0;
    }

    /** Results per backend (the model first, then kernels by name), each by status. */
    Map<String, Map<String, Integer>> count() throws IOException {
        Map<String, Map<String, Integer>> byBackend = new LinkedHashMap<>();
        byBackend.put(MODEL, new LinkedHashMap<>());
        List<Path> files = new ArrayList<>();
        for (Path dir : from) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listed = Files.list(dir)) {
                    listed.filter(p -> p.getFileName().toString().endsWith("-result.json")).forEach(files::add);
                }
            }
        }
        files.sort(null);
        Map<String, Map<String, Integer>> kernels = new java.util.TreeMap<>(NaturalOrder.INSTANCE);
        for (Path file : files) {
            JsonNode result = json.readTree(file.toFile());
            String backend = Results.parameter(result, "kernel").filter(k -> !k.isEmpty()).orElse(MODEL);
            String status = result.path("status").asText("unknown");
            (backend.equals(MODEL) ? byBackend.get(MODEL) : kernels.computeIfAbsent(backend, k -> new LinkedHashMap<>()))
                    .merge(status, 1, Integer::sum);
        }
        byBackend.putAll(kernels);
        return byBackend;
    }
}
