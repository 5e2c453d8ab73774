package org.uapispec.grammar.diag;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/**
 * The diagnostics one stage collects. A stage reports everything it finds; the collection caps the
 * count at {@link #LIMIT} so that a binary file cannot produce an unbounded list, and keeps one of
 * identical diagnostics (lowering meets a loop body's expressions once per row, a shared setup once
 * per scenario, and would otherwise say the same thing at the same place again and again).
 */
public final class Diagnostics {
    /** At most this many diagnostics are kept per compilation; one more says the rest was dropped. */
    public static final int LIMIT = 100;

    private final List<Diagnostic> items = new ArrayList<>();
    private final Set<Diagnostic> seen = new HashSet<>();
    private boolean truncated;

    public void error(SourcePos pos, String message) {
        add(Diagnostic.error(pos, message));
    }

    public void warning(SourcePos pos, String message) {
        add(Diagnostic.warning(pos, message));
    }

    public void add(Diagnostic diagnostic) {
        if (truncated || !seen.add(diagnostic)) {
            return;
        }
        if (items.size() < LIMIT) {
            items.add(diagnostic);
        } else {
            truncated = true;
            items.add(Diagnostic.error(diagnostic.pos(), "too many errors, stopping after " + LIMIT));
        }
    }

    public void addAll(List<Diagnostic> diagnostics) {
        diagnostics.forEach(this::add);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /** An immutable copy, sorted by position (stable for diagnostics at the same position). */
    public List<Diagnostic> toList() {
        List<Diagnostic> sorted = new ArrayList<>(items);
        sorted.sort(Diagnostic::compareTo);
        return List.copyOf(sorted);
    }

    /** Every diagnostic rendered with its source line and caret, separated by newlines. */
    public static String render(List<Diagnostic> diagnostics, SourceFile source) {
        return diagnostics.stream().map(d -> d.render(source)).collect(Collectors.joining("\n"));
    }
}
