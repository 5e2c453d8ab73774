package org.uapispec.grammar.source;

import java.util.Objects;

/**
 * A position in a spec file. Lines and columns count from 1 (ANTLR's {@code charPositionInLine}
 * counts from 0, so add 1). Prints as {@code file:line:col}.
 *
 * @param file   the file name as given to the compiler
 * @param line   the line, from 1
 * @param column the column in code points, from 1
 */
public record SourcePos(String file, int line, int column) implements Comparable<SourcePos> {

    public SourcePos {
        Objects.requireNonNull(file, "file");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1: " + line);
        }
        if (column < 1) {
            throw new IllegalArgumentException("column must be at least 1: " + column);
        }
    }

    /** The short form used to point at an earlier place in the same file: {@code line:col}. */
    public String lineAndColumn() {
        return line + ":" + column;
    }

    @Override
    public int compareTo(SourcePos other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
