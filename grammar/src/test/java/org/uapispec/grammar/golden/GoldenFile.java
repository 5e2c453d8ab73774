package org.uapispec.grammar.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Severity;

/**
 * A golden input: spec text whose expected diagnostics are written on the offending line as
 * trailing comments, {@code ### message} or {@code ### @12 message} to pin the column; a warning
 * is written {@code ### warning: message}. Several markers may share a line.
 */
final class GoldenFile {
    private static final Pattern MARKER = Pattern.compile("###\\s*(?:@(\\d+)\\s+)?(.*?)\\s*(?=###|$)");

    /** One expected diagnostic; column 0 means any column. */
    record Expected(int line, int column, String text) {
    }

    private GoldenFile() {
    }

    static List<Expected> expectations(String text) {
        List<Expected> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = lines[i].indexOf("###");
            if (start < 0) {
                continue;
            }
            Matcher m = MARKER.matcher(lines[i].substring(start));
            while (m.find()) {
                if (m.group(0).isEmpty()) {
                    continue;
                }
                int column = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
                out.add(new Expected(i + 1, column, m.group(2)));
            }
        }
        return out;
    }

    /** How a diagnostic is written in a marker. */
    static String text(Diagnostic d) {
        return d.severity() == Severity.WARNING ? "warning: " + d.message() : d.message();
    }

    /** Unexpected and missing diagnostics, one per line of the report; empty when they match. */
    static List<String> mismatches(String text, List<Diagnostic> actual) {
        List<Expected> expected = new ArrayList<>(expectations(text));
        List<String> report = new ArrayList<>();
        for (Diagnostic d : actual) {
            Expected match = expected.stream()
                    .filter(e -> e.line() == d.pos().line() && e.text().equals(text(d))
                            && (e.column() == 0 || e.column() == d.pos().column()))
                    .findFirst().orElse(null);
            if (match == null) {
                report.add("unexpected " + d.pos().lineAndColumn() + ": " + text(d));
            } else {
                expected.remove(match);
            }
        }
        for (Expected e : expected) {
            report.add("missing " + e.line() + (e.column() == 0 ? "" : ":" + e.column()) + ": " + e.text());
        }
        return report;
    }

    /** The text with its markers replaced by the actual diagnostics (with columns). */
    static String rewrite(String text, List<Diagnostic> actual) {
        String[] lines = text.split("\n", -1);
        Map<Integer, StringBuilder> markers = new TreeMap<>();
        for (Diagnostic d : actual) {
            int line = Math.min(d.pos().line(), lines.length) - 1;
            markers.computeIfAbsent(line, k -> new StringBuilder())
                    .append("  ### @").append(d.pos().column()).append(' ').append(text(d));
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int start = lines[i].indexOf("###");
            String code = (start < 0 ? lines[i] : lines[i].substring(0, start)).stripTrailing();
            StringBuilder marker = markers.get(i);
            out.append(marker == null ? code : code + marker);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }
}
