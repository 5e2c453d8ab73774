package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourceFile;

/** No input makes the compiler throw: it answers with diagnostics that point inside the file. */
class RobustnessTest {
    private static final int DEPTH = 10_000;

    @Test
    void emptyInput() {
        CompileResult result = Specs.compile("");
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.pos().lineAndColumn()).isEqualTo("1:1");
            assertThat(d.message()).isEqualTo("unexpected end of file, expected 'spec'");
        });
    }

    @Test
    void onlyCommentsAndWhitespace() {
        assertFailsWithErrors(new SourceFile("c.uapi", "# nothing\n/// doc\n   \n// more\n"));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void randomBinaryBytes(long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        assertFailsWithErrors(SourceFile.fromBytes("random-" + seed + ".bin", bytes));
    }

    static Stream<Path> examples() {
        return Specs.examples().stream();
    }

    /** Every prefix of every example: a truncated file never throws, and fails unless it is whole. */
    @ParameterizedTest
    @MethodSource("examples")
    void truncatedFiles(Path path) {
        String text = Specs.read(path).text();
        String trimmed = text.stripTrailing();
        for (int length = 0; length < text.length(); length++) {
            SourceFile prefix = new SourceFile("truncated.uapi", text.substring(0, length));
            CompileResult result = new SpecCompiler().compile(prefix);
            assertPositionsInside(prefix, result);
            if (length < trimmed.length()) {
                assertThat(result).as("prefix of %d chars", length).isInstanceOf(CompileResult.Failure.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[", "{", "-", "!", "~"})
    void tenThousandDeepNesting(String opener) {
        String closer = switch (opener) {
            case "(" -> ")";
            case "[" -> "]";
            case "{" -> "}";
            default -> "";
        };
        String deep = opener.repeat(DEPTH) + "1" + closer.repeat(DEPTH);
        String text = "spec \"deep\" {\n  scenario \"s\" {\n    check " + deep + " == 1\n  }\n}\n";
        CompileResult result = Specs.compile(text);
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).extracting(Diagnostic::message).contains("nesting deeper than 100 levels");
    }

    @Test
    void tenThousandUnclosedBrackets() {
        CompileResult result = Specs.compile("spec \"x\" { scenario \"s\" { check " + "[(".repeat(DEPTH));
        assertThat(result.diagnostics()).extracting(Diagnostic::message).contains("nesting deeper than 100 levels");
    }

    @Test
    void tenThousandLongOperatorChain() {
        String chain = "1" + " + 1".repeat(DEPTH);
        CompileResult result = Specs.compile("spec \"x\" {\n  scenario \"s\" {\n    check " + chain + " == 1\n  }\n}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("expression nested deeper than 200 levels");
        assertThat(result.diagnostics().get(0).pos().lineAndColumn()).isEqualTo("3:11");
    }

    @Test
    void tenThousandNestedLoopsAreTooDeep() {
        String loops = "for i in [1] {".repeat(DEPTH) + "}".repeat(DEPTH);
        CompileResult result = Specs.compile("spec \"x\" { scenario \"s\" { " + loops + " } }");
        assertThat(result.diagnostics()).extracting(Diagnostic::message).contains("nesting deeper than 100 levels");
    }

    @Test
    void loopsThatExpandTooFarAreReportedNotRun() {
        String rows = "[" + "1, ".repeat(99) + "1]";
        String text = "spec \"x\" {\n  scenario \"big\" {\n    p = spawn()\n"
                + "    for a in " + rows + " { for b in " + rows + " { for c in " + rows + " {\n"
                + "      spawn(uid: a + b + c)\n    } } }\n    exit(p)\n  }\n}\n";
        CompileResult result = Specs.compile(text);
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("test.uapi:4:5: error: loop over 'a' expands to 1000000 steps, more than the 100000 a scenario"
                        + " may have");
    }

    /** Character.digit takes other scripts' digits; the byte decoder did not, and threw while lowering. */
    @Test
    void fullwidthDigitsInAHexLiteralAreAnErrorNotACrash() {
        CompileResult result = Specs.compile("spec \"x\" {\n  scenario \"s\" {\n    p = spawn()\n"
                + "    a = mmap(p, len: PAGE, prot: rw, flags: private | anonymous)\n"
                + "    write(p, a, x\"\uFF10\uFF11\")\n  }\n}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("test.uapi:5:19: error: '\uFF10' is not a hex digit in x\"\uFF10\uFF11\"");
    }

    @Test
    void manyErrorsAreCappedNotEndless() {
        String text = "spec \"x\" {\n  scenario \"s\" {\n" + "    frobnicate()\n".repeat(500) + "  }\n}\n";
        CompileResult result = Specs.compile(text);
        assertThat(result.diagnostics()).hasSize(101);
    }

    private static void assertFailsWithErrors(SourceFile source) {
        CompileResult result = new SpecCompiler().compile(source);
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).isNotEmpty().anyMatch(Diagnostic::isError);
        assertPositionsInside(source, result);
    }

    private static void assertPositionsInside(SourceFile source, CompileResult result) {
        int lines = Math.max(1, source.lines().size() + 1);
        for (Diagnostic d : result.diagnostics()) {
            assertThat(d.pos().line()).as(d.toString()).isBetween(1, lines);
            assertThat(d.pos().file()).isEqualTo(source.name());
            assertThat(d.render(source)).contains(d.message());
        }
    }
}
