package org.uapispec.grammar.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The text of one spec file and its name. Bytes that are not UTF-8 are replaced by U+FFFD, so any
 * input (also a binary one) becomes text the parser can report on.
 *
 * @param name the name diagnostics use for the file (usually its path)
 * @param text the content
 */
public record SourceFile(String name, String text) {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    /** Decodes UTF-8 bytes, replacing malformed input instead of failing. */
    public static SourceFile fromBytes(String name, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return new SourceFile(name, text);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** Reads a file from disk; the name is the path as given. */
    public static SourceFile read(Path path) throws IOException {
        return fromBytes(path.toString(), Files.readAllBytes(path));
    }

    /** The lines of the text, without their line terminators. */
    public List<String> lines() {
        return text.lines().toList();
    }

    /** Line {@code line} (from 1) without its terminator, or "" past the end of the text. */
    public String line(int line) {
        List<String> lines = lines();
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : "";
    }

    /** The position at {@code line} and {@code column} in this file. */
    public SourcePos at(int line, int column) {
        return new SourcePos(name, line, column);
    }
}
