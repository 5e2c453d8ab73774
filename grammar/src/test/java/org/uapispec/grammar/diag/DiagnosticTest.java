package org.uapispec.grammar.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

class DiagnosticTest {
    private static final SourceFile SOURCE = new SourceFile("s.uapi", "spec \"x\" {\n    gem_close(f, h)\n\tcheck h\n}");

    @Test
    void oneLineFormNamesFileLineColumnAndSeverity() {
        Diagnostic error = Diagnostic.error(new SourcePos("s.uapi", 2, 18), "handle 'h' used after close at 1:5");
        assertThat(error).hasToString("s.uapi:2:18: error: handle 'h' used after close at 1:5");
        assertThat(Diagnostic.warning(new SourcePos("s.uapi", 1, 1), "binding 'x' is never used"))
                .hasToString("s.uapi:1:1: warning: binding 'x' is never used");
    }

    @Test
    void rendersTheSourceLineWithACaretUnderTheColumn() {
        Diagnostic error = Diagnostic.error(new SourcePos("s.uapi", 2, 18), "bad");
        assertThat(error.render(SOURCE)).isEqualTo(
                "s.uapi:2:18: error: bad\n"
                        + "    gem_close(f, h)\n"
                        + "                 ^");
    }

    @Test
    void keepsTabsSoTheCaretLinesUp() {
        Diagnostic error = Diagnostic.error(new SourcePos("s.uapi", 3, 8), "check needs a bool, got handle");
        assertThat(error.render(SOURCE)).endsWith("\tcheck h\n\t      ^");
    }

    @Test
    void caretAtColumnOneAndPastTheEndOfTheText() {
        assertThat(Diagnostic.error(new SourcePos("s.uapi", 1, 1), "m").render(SOURCE)).endsWith("spec \"x\" {\n^");
        assertThat(Diagnostic.error(new SourcePos("s.uapi", 9, 3), "m").render(SOURCE)).endsWith("\n\n  ^");
    }

    @Test
    void collectionSortsByPositionAndCapsTheCount() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.error(new SourcePos("f", 5, 1), "later");
        diagnostics.warning(new SourcePos("f", 1, 1), "earlier");
        assertThat(diagnostics.toList()).extracting(Diagnostic::message).containsExactly("earlier", "later");
        assertThat(diagnostics.hasErrors()).isTrue();

        Diagnostics many = new Diagnostics();
        for (int i = 1; i <= 500; i++) {
            many.error(new SourcePos("f", i, 1), "error " + i);
        }
        List<Diagnostic> list = many.toList();
        assertThat(list).hasSize(Diagnostics.LIMIT + 1);
        assertThat(list.get(list.size() - 1).message()).isEqualTo("too many errors, stopping after 100");
    }

    @Test
    void warningsAloneAreNoErrors() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.warning(new SourcePos("f", 1, 1), "w");
        assertThat(diagnostics.hasErrors()).isFalse();
    }
}
