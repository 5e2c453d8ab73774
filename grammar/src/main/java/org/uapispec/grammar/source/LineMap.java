package org.uapispec.grammar.source;

import java.util.Arrays;

/**
 * Where each line of a file starts, so that an offset in its text becomes a {@link SourcePos}. The
 * one place where lines and columns are counted: offsets and columns count code points (as ANTLR's
 * {@code CodePointCharStream} indexes its input, so a token's start index is such an offset), and a
 * line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, like {@link String#lines()} and so
 * {@link SourceFile#line(int)}. ANTLR's own line count knows only {@code \n}: a file with old Mac
 * line endings would be one long line to it.
 */
public final class LineMap {
    private final String file;
    /** The code-point offset at which each line starts; the first line starts at 0. */
    private final int[] starts;
    private final int length;

    private LineMap(String file, int[] starts, int length) {
        this.file = file;
        this.starts = starts;
        this.length = length;
    }

    public static LineMap of(SourceFile source) {
        String text = source.text();
        int[] starts = new int[16];
        int lines = 1;
        int offset = 0;
        for (int i = 0; i < text.length(); offset++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean lineEnds = c == '\n' || c == '\r' && (i == text.length() || text.charAt(i) != '\n');
            if (lineEnds) {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = offset + 1;
            }
        }
        return new LineMap(source.name(), Arrays.copyOf(starts, lines), offset);
    }

    /** The position of the code point at {@code offset} (0 to the text's length, which is just past its end). */
    public SourcePos at(int offset) {
        int clamped = Math.max(0, Math.min(offset, length));
        int found = Arrays.binarySearch(starts, clamped);
        int line = found >= 0 ? found : -found - 2;
        return new SourcePos(file, line + 1, clamped - starts[line] + 1);
    }

    /** The position of the UTF-16 {@code index} of {@code text}, the text this map was made of. */
    public SourcePos atCharIndex(String text, int index) {
        return at(text.codePointCount(0, index));
    }
}
