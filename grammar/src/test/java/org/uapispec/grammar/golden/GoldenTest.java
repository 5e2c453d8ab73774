package org.uapispec.grammar.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.source.SourceFile;

/**
 * Golden files per stage under {@code src/test/resources/golden/<stage>/}: each file's diagnostics
 * must be exactly the ones written in its {@code ###} markers. Run with
 * {@code -Dgolden.update=true} to rewrite the markers from the actual diagnostics.
 */
class GoldenTest {
    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> parseStage() throws IOException {
        return stage("parse");
    }

    @TestFactory
    Stream<DynamicTest> checkStage() throws IOException {
        return stage("check");
    }

    @Test
    void thereAreAtLeastTwentyMalformedInputs() throws IOException {
        assertThat(files("parse").size() + files("check").size()).isGreaterThanOrEqualTo(20);
        for (String stage : List.of("parse", "check")) {
            for (Path file : files(stage)) {
                assertThat(GoldenFile.expectations(Files.readString(file)))
                        .as("markers in %s", file).isNotEmpty();
            }
        }
    }

    private static Stream<DynamicTest> stage(String stage) throws IOException {
        return files(stage).stream().map(file -> DynamicTest.dynamicTest(stage + "/" + file.getFileName(),
                file.toUri(), () -> verify(stage, file)));
    }

    private static void verify(String stage, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean parses = !SpecParser.parse(new SourceFile(file.toString(), text)).hasErrors();
        assertThat(parses).as("%s belongs to the %s stage", file, stage).isEqualTo(!stage.equals("parse"));
        CompileResult result = new SpecCompiler().compile(new SourceFile(file.getFileName().toString(), text));
        List<Diagnostic> actual = result.diagnostics();
        if (UPDATE) {
            Files.writeString(file, GoldenFile.rewrite(text, actual), StandardCharsets.UTF_8);
            return;
        }
        assertThat(result.spec()).as("a malformed input must not compile").isEmpty();
        assertThat(GoldenFile.mismatches(text, actual)).as("diagnostics of %s", file).isEmpty();
    }

    private static List<Path> files(String stage) throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve(stage))) {
            return files.filter(p -> p.toString().endsWith(".uapi")).sorted().toList();
        }
    }
}
