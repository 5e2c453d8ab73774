package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourceFile;

/** A file that is not text gets one diagnostic at its first binary byte, not one per line of noise. */
class BinaryInputTest {

    private static CompileResult compile(byte[] bytes) {
        return new SpecCompiler().compile(SourceFile.fromBytes("blob.uapi", bytes));
    }

    @Test
    void aNulByteIsReportedOnceWhereItIs() {
        byte[] bytes = "spec \"x\" {\n  ta\0gs [a]\n}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(compile(bytes).diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.isError()).isTrue();
            assertThat(d.pos().line()).isEqualTo(2);
            assertThat(d.pos().column()).isEqualTo(5);
            assertThat(d.message()).isEqualTo("not a spec file: binary content (a NUL byte)");
        });
    }

    @Test
    void bytesThatAreNotUtf8AreReportedOnce() {
        byte[] bytes = new byte[4000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 7 == 0 ? '\n' : 0xC3 + (i % 3) * 17);
        }
        assertThat(compile(bytes).diagnostics()).extracting(Diagnostic::message)
                .containsExactly("not a spec file: binary content (a byte that is not UTF-8)");
    }
}
