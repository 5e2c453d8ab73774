package org.uapispec.grammar.source;

import java.util.Arrays;

/**
 * Where each line of a file starts, so that an offset in its text becomes a {@link SourcePos}. The
 * one place where lines and columns are counted: offsets and columns count code points (as ANTLR's
 * {@code CodePointCharStream} indexes its input, so a token's start index is such an offset), and a
 * line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, like {@link String#lines()} and so
 * {@link SourceFile#line(int)}. ANTLR's own line count knows only {@code \n}: a file with old Mac
 * line endings would be one long line to it.
 *
 * <p>Counting is the slow part of making a position (a binary search per position, after a pass
 * over the text), and ANTLR's lexer has already counted: it gives each token the line and the
 * column ({@code charPositionInLine}, in code points like ours) of its start. Where that count
 * agrees with this one, which is exactly when no line ends with a lone {@code \r}
 * ({@link #agreesWithAntlr()}), {@link #at(int, int, int)} takes the lexer's count; otherwise it
 * counts. The line starts are found only when a position is counted, so a file without lone
 * {@code \r} whose tokens need no other positions is never counted here at all.
 */
public final class LineMap {
    private final String file;
    private final String text;
    private final boolean agreesWithAntlr;
    /** The code-point offset at which each line starts (the first line starts at 0); null until counted. */
    private int[] starts;
    /** The text's length in code points; valid once {@link #starts} is set. */
    private int length;

    private LineMap(String file, String text) {
        this.file = file;
        this.text = text;
        this.agreesWithAntlr = !hasLoneCarriageReturn(text);
    }

    public static LineMap of(SourceFile source) {
        return new LineMap(source.name(), source.text());
    }

    private static boolean hasLoneCarriageReturn(String text) {
        for (int i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
            if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                return true;
            }
        }
        return false;
    }

    private void count() {
        int[] found = new int[16];
        int lines = 1;
        int offset = 0;
        for (int i = 0; i < text.length(); offset++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean lineEnds = c == '\n' || c == '\r' && (i == text.length() || text.charAt(i) != '\n');
            if (lineEnds) {
                if (lines == found.length) {
                    found = Arrays.copyOf(found, lines * 2);
                }
                found[lines++] = offset + 1;
            }
        }
        starts = Arrays.copyOf(found, lines);
        length = offset;
    }

    /**
     * Whether ANTLR's lexer counts lines and columns as this map does for this file: its lines end
     * only at {@code \n} (or {@code \r\n}, whose {@code \r} the {@code \n} after it makes irrelevant),
     * so it agrees unless some line ends with a lone {@code \r}. Columns agree always: both count
     * code points from the line's start.
     */
    public boolean agreesWithAntlr() {
        return agreesWithAntlr;
    }

    /** The position of the code point at {@code offset} (0 to the text's length, which is just past its end). */
    public SourcePos at(int offset) {
        if (starts == null) {
            count();
        }
        int clamped = Math.max(0, Math.min(offset, length));
        int found = Arrays.binarySearch(starts, clamped);
        int line = found >= 0 ? found : -found - 2;
        return new SourcePos(file, line + 1, clamped - starts[line] + 1);
    }

    /**
     * The position of the code point at {@code offset}, which ANTLR's lexer puts at
     * {@code antlrLine} (from 1) and {@code antlrCharPositionInLine} (from 0), as a token's
     * {@code getLine()} and {@code getCharPositionInLine()} give them: those when they
     * {@linkplain #agreesWithAntlr() agree} with this map's count, else {@link #at(int)}.
     */
    public SourcePos at(int offset, int antlrLine, int antlrCharPositionInLine) {
        return agreesWithAntlr ? new SourcePos(file, antlrLine, antlrCharPositionInLine + 1) : at(offset);
    }

    /** The position of the UTF-16 {@code index} of {@code text}, the text this map was made of. */
    public SourcePos atCharIndex(String text, int index) {
        return at(text.codePointCount(0, index));
    }
}
