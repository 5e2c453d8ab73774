package org.uapispec.grammar.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourcePos;

/** The golden matcher itself: it must see missing and unexpected diagnostics, and columns. */
class GoldenFileTest {
    private static final String TEXT = "a\nb  ### @3 bad thing ### warning: odd thing\nc  ### other\n";

    private static Diagnostic error(int line, int column, String message) {
        return Diagnostic.error(new SourcePos("t", line, column), message);
    }

    @Test
    void readsMarkersWithAndWithoutColumns() {
        assertThat(GoldenFile.expectations(TEXT)).containsExactly(
                new GoldenFile.Expected(2, 3, "bad thing"),
                new GoldenFile.Expected(2, 0, "warning: odd thing"),
                new GoldenFile.Expected(3, 0, "other"));
    }

    @Test
    void matchesExactlyTheWrittenDiagnostics() {
        List<Diagnostic> actual = List.of(error(2, 3, "bad thing"),
                Diagnostic.warning(new SourcePos("t", 2, 9), "odd thing"), error(3, 1, "other"));
        assertThat(GoldenFile.mismatches(TEXT, actual)).isEmpty();
    }

    @Test
    void reportsMissingUnexpectedAndWrongColumn() {
        List<Diagnostic> actual = List.of(error(2, 4, "bad thing"), error(1, 1, "surprise"));
        assertThat(GoldenFile.mismatches(TEXT, actual)).containsExactlyInAnyOrder(
                "unexpected 2:4: bad thing", "unexpected 1:1: surprise",
                "missing 2:3: bad thing", "missing 2: warning: odd thing", "missing 3: other");
    }

    @Test
    void rewriteReplacesMarkersWithActualDiagnostics() {
        String rewritten = GoldenFile.rewrite(TEXT, List.of(error(1, 1, "new")));
        assertThat(rewritten).isEqualTo("a  ### @1 new\nb\nc\n");
        assertThat(GoldenFile.mismatches(rewritten, List.of(error(1, 1, "new")))).isEmpty();
    }
}
