package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourceFile;

/**
 * Every stage's diagnostics have the right line and column (from 1, in code points) whether the
 * file ends its lines with LF, CRLF or a lone CR, after an emoji (two UTF-16 units, one code point,
 * two terminal columns), and the caret line stands under that character.
 */
class PositionsTest {
    private static final String E = "\uD83D\uDE00"; // U+1F600, an emoji outside the BMP
    private static final String HEAD = "spec \"x\" {\n  scenario \"s\" {\n    p = spawn()\n"
            + "    a = mmap(p, len: PAGE, prot: rw, flags: private | anonymous)\n";
    private static final String TAIL = "  }\n}\n";

    /** A file with one error on line 3 or later, after an emoji on its line. */
    record Case(String name, String text, String message, int line, int column, String caret) {
    }

    static List<Case> cases() {
        return List.of(
                new Case("check stage", HEAD + "    write(p, a, \"" + E + "\")\n    check \"" + E + "\" == frob\n" + TAIL,
                        "unknown name 'frob'", 6, 18, " ".repeat(11) + "  " + " ".repeat(5)),
                new Case("syntax error", HEAD + "    spawn(uid: \"" + E + "\" 1)\n" + TAIL,
                        "unexpected '1', expected ')' or ','", 5, 20, " ".repeat(16) + "  " + "  "),
                new Case("unknown character", HEAD + "    write(p, a, \"" + E + "\") $\n" + TAIL,
                        "unexpected character '$'", 5, 22, " ".repeat(17) + "  " + "  " + " "),
                new Case("binary content", HEAD + "  /// " + E + " \0\n" + TAIL,
                        "not a spec file: binary content (a NUL byte)", 5, 9, "      " + "  " + " "),
                new Case("end of file", HEAD + "  }\n  scenario \"" + E + E + "\"",
                        "unexpected end of file, expected '{'", 6, 16, " ".repeat(12) + "    " + " "),
                new Case("bad escape", HEAD + "    write(p, a, \"" + E + "\\q\")\n" + TAIL,
                        "unknown escape '\\q' in string", 5, 20, " ".repeat(17) + "  " + " "),
                new Case("hex digit", HEAD + "    write(p, a, x\"" + E + "\")\n" + TAIL,
                        "'" + E + "' is not a hex digit in x\"" + E + "\"", 5, 19, " ".repeat(18)),
                new Case("lowering", HEAD + "    write(p, a, \"" + E + "\" * 0x1000000)\n" + TAIL,
                        "repeating 4 bytes 16777216 times exceeds the 16 MiB limit on byte strings", 5, 21,
                        " ".repeat(17) + "  " + " " + " "));
    }

    static Stream<Arguments> casesByLineEnding() {
        List<Arguments> out = new ArrayList<>();
        for (Case c : cases()) {
            for (String ending : new String[] {"\n", "\r\n", "\r"}) {
                out.add(Arguments.of(c.name(), ending.replace("\r", "CR").replace("\n", "LF"), c, ending));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("casesByLineEnding")
    void lineColumnAndCaretAreRight(String name, String style, Case c, String ending) {
        SourceFile source = new SourceFile("pos.uapi", c.text().replace("\n", ending));
        Diagnostic d = Specs.compileSource(source).diagnostics().stream()
                .filter(x -> x.message().equals(c.message())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + c.message() + "' in "
                        + Specs.compileSource(source).diagnostics()));
        assertThat(d.pos().lineAndColumn()).isEqualTo(c.line() + ":" + c.column());
        String[] rendered = d.render(source).split("\n", -1);
        assertThat(rendered).hasSize(3);
        String expectedLine = c.text().split("\n", -1)[c.line() - 1];
        assertThat(rendered[1]).isEqualTo(expectedLine);
        assertThat(rendered[2]).isEqualTo(c.caret() + "^");
        assertThat(expectedLine.codePoints().skip(c.column() - 1).findFirst())
                .as("the column names a character of the line, or the place just after it")
                .satisfiesAnyOf(cp -> assertThat(cp).isPresent(), cp -> assertThat(c.message()).contains("end of file"));
    }
}
