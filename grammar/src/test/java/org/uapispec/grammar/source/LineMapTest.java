package org.uapispec.grammar.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.grammar.parse.UapiLexer;

/**
 * {@link LineMap} counts lines ending at LF, CRLF or a lone CR and columns in code points, and its
 * fast path, which takes ANTLR's own count of a token's line and column, gives the same position as
 * counting for every token of every spec text of the tests, with each line ending and with
 * characters outside the BMP before tokens.
 */
class LineMapTest {
    private static final String E = "\uD83D\uDE00"; // U+1F600: two UTF-16 units, one code point

    @Test
    void countsLfCrlfAndLoneCrAndCodePoints() {
        LineMap map = LineMap.of(new SourceFile("f", "a\nb\r\nc\rd" + E + "e"));
        assertThat(map.agreesWithAntlr()).isFalse();
        assertThat(map.at(0)).isEqualTo(new SourcePos("f", 1, 1));
        assertThat(map.at(2)).isEqualTo(new SourcePos("f", 2, 1));
        assertThat(map.at(5)).isEqualTo(new SourcePos("f", 3, 1));
        assertThat(map.at(7)).isEqualTo(new SourcePos("f", 4, 1));
        assertThat(map.at(9)).isEqualTo(new SourcePos("f", 4, 3));
        assertThat(map.at(99)).as("clamped to just past the end").isEqualTo(new SourcePos("f", 4, 4));
        assertThat(map.atCharIndex("a\nb\r\nc\rd" + E + "e", 10)).isEqualTo(new SourcePos("f", 4, 3));
        assertThat(map.at(9, 1, 8)).as("ANTLR's count is not taken here").isEqualTo(new SourcePos("f", 4, 3));
    }

    @Test
    void agreesWithAntlrUnlessALineEndsWithALoneCr() {
        assertThat(LineMap.of(new SourceFile("f", "")).agreesWithAntlr()).isTrue();
        assertThat(LineMap.of(new SourceFile("f", "a\nb\r\n")).agreesWithAntlr()).isTrue();
        assertThat(LineMap.of(new SourceFile("f", "a\r")).agreesWithAntlr()).isFalse();
        assertThat(LineMap.of(new SourceFile("f", "a\r\nb\rc")).agreesWithAntlr()).isFalse();
        assertThat(LineMap.of(new SourceFile("f", "a\r\r\n")).agreesWithAntlr()).isFalse();
    }

    static Stream<Arguments> texts() throws IOException {
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".uapi")).sorted().toList()) {
                String text = read(file);
                for (String ending : new String[] {"\n", "\r\n", "\r"}) {
                    String style = ending.replace("\r", "CR").replace("\n", "LF");
                    out.add(Arguments.of(file + " " + style, text.replace("\n", ending)));
                    out.add(Arguments.of(file + " " + style + " astral",
                            text.replace("\"", "\"" + E).replace("#", "#" + E).replace("\n", ending)));
                }
            }
        }
        return out.stream();
    }

    private static String read(Path file) {
        try {
            return SourceFile.read(file).text().replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void antlrsCountAgreesWhereTaken(String name, String text) {
        LineMap map = LineMap.of(new SourceFile(name, text));
        assertThat(map.agreesWithAntlr()).isEqualTo(!text.contains("\r") || text.contains("\r\n"));
        UapiLexer lexer = new UapiLexer(CharStreams.fromString(text, name));
        lexer.removeErrorListeners();
        for (Token token = lexer.nextToken(); ; token = lexer.nextToken()) {
            int start = token.getType() == Token.EOF ? token.getStopIndex() + 1 : token.getStartIndex();
            SourcePos counted = map.at(start);
            assertThat(map.at(start, token.getLine(), token.getCharPositionInLine()))
                    .as("token %s", token).isEqualTo(counted);
            if (map.agreesWithAntlr()) {
                assertThat(new SourcePos(name, token.getLine(), token.getCharPositionInLine() + 1))
                        .as("ANTLR's count of token %s", token).isEqualTo(counted);
            }
            if (token.getType() == Token.EOF) {
                break;
            }
        }
    }
}
