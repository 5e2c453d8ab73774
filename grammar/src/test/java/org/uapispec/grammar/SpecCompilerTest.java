package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Severity;
import org.uapispec.grammar.source.SourceFile;

/** The compiler facade: stages stop at the first one with errors; warnings travel with the model. */
class SpecCompilerTest {

    @Test
    void warningsTravelWithTheModel() {
        CompileResult result = Specs.compile("spec \"w\" {\n  scenario \"s\" {\n    p = spawn()\n    q = spawn()\n    exit(p)\n  }\n}\n");
        assertThat(result).isInstanceOf(CompileResult.Success.class);
        assertThat(result.spec()).isPresent();
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d).hasToString("test.uapi:4:5: warning: binding 'q' is never used");
        });
    }

    @Test
    void syntaxErrorsStopBeforeTheChecker() {
        // Line 3 is a syntax error; line 4 would be an unknown call, which is not reported.
        CompileResult result = Specs.compile("spec \"x\" {\n  scenario \"s\" {\n    p = = spawn()\n    frobnicate()\n  }\n}\n");
        assertThat(result.spec()).isEmpty();
        assertThat(result.diagnostics()).extracting(d -> d.pos().line()).containsExactly(3);
    }

    @Test
    void checkErrorsStopBeforeLowering() {
        CompileResult result = Specs.compile("spec \"x\" {\n  scenario \"s\" {\n    frobnicate()\n  }\n}\n");
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).containsExactly("unknown call 'frobnicate'");
    }

    @Test
    void aFailureAlwaysCarriesAnError() {
        assertThatThrownBy(() -> new CompileResult.Failure(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsFilesFromDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("disk.uapi");
        Files.writeString(file, "spec \"d\" {\n  scenario \"s\" {\n    p = spawn()\n    exit(p)\n  }\n}\n");
        SourceFile source = SourceFile.read(file);
        CompileResult result = new SpecCompiler().compile(source);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.spec().orElseThrow().scenarios().get(0).pos().file()).isEqualTo(file.toString());
    }
}
