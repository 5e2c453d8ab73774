package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.source.SourceFile;

/** The six examples of issue 5 compile without a single diagnostic, and the README copies are the same files. */
class ExamplesTest {

    static Stream<Path> examples() {
        return Specs.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void compilesWithoutDiagnostics(Path path) {
        SourceFile source = Specs.read(path);
        CompileResult result = new SpecCompiler().compile(source);
        assertThat(result.diagnostics()).as(Diagnostics.render(result.diagnostics(), source)).isEmpty();
        assertThat(result.spec()).isPresent();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesWithSllPredictionAlone(Path path) {
        assertThat(SpecParser.parse(Specs.read(path)).usedFullContext()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void documentationCopyIsIdentical(Path path) {
        SourceFile doc = Specs.read(Path.of("examples").resolve(path.getFileName()));
        assertThat(doc.text()).isEqualTo(Specs.read(path).text());
    }

    @org.junit.jupiter.api.Test
    void thereAreSixExamples() {
        assertThat(Specs.examples()).hasSize(6);
    }
}
