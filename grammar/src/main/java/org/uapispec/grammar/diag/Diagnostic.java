package org.uapispec.grammar.diag;

import java.util.Objects;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * One problem in a spec file. The message is lowercase, has no trailing period and names the
 * offending item, e.g. {@code handle 'h' used after close at 10:5}.
 *
 * @param severity error or warning
 * @param pos      where the problem is
 * @param message  what is wrong
 */
public record Diagnostic(Severity severity, SourcePos pos, String message) implements Comparable<Diagnostic> {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pos, "pos");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourcePos pos, String message) {
        return new Diagnostic(Severity.ERROR, pos, message);
    }

    public static Diagnostic warning(SourcePos pos, String message) {
        return new Diagnostic(Severity.WARNING, pos, message);
    }

    /** Orders by position only, so that sorting keeps the report order of one place. */
    @Override
    public int compareTo(Diagnostic other) {
        return pos.compareTo(other.pos);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message}, the one-line form. */
    @Override
    public String toString() {
        return pos + ": " + severity.label() + ": " + message;
    }

    /**
     * The one-line form followed by the source line and a caret under the column. The caret line
     * copies the line's tabs and gives every other code point before the column the width a
     * terminal gives it (none for a combining mark, two for an emoji or an East Asian wide
     * character), so that the caret stands under the character the column counts to.
     */
    public String render(SourceFile source) {
        String line = source.line(pos.line());
        StringBuilder caret = new StringBuilder();
        int[] codePoints = line.codePoints().toArray();
        for (int i = 0; i < pos.column() - 1; i++) {
            int c = i < codePoints.length ? codePoints[i] : ' ';
            caret.append(c == '\t' ? "\t" : " ".repeat(DisplayWidth.of(c)));
        }
        caret.append('^');
        return toString() + "\n" + line + "\n" + caret;
    }
}
