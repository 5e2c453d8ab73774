package org.uapispec.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.uapispec.api.ProfileName;

/**
 * The catalogue-by-profile table: for every catalogue ID that spec scenarios name, and every
 * profile they ran on (a profile on a kernel is a column of its own, {@code generic on Linux
 * 6.1.192-3 (...)}, after the profile's model column), whether they passed and which errnos and
 * signals the device answered. Built from the Allure results the engine wrote (labels
 * {@code catalogue}, parameters {@code profile} and {@code kernel}, and each call step's parameter
 * {@code answer}: {@code ok}, an errno's or a signal's name).
 */
final class ProfileSummary {
    private static final String SPEC_EPIC = "Conformance specs";
    /** The step parameter with the kernel's answer ({@code AllureRunListener.ANSWER}). */
    private static final String ANSWER = "answer";

    /** What one catalogue ID did on one profile. */
    static final class Cell {
        int passed;
        int failed;
        final SortedSet<String> answers = new TreeSet<>();

        String render() {
            String mark = failed > 0 ? "\u2717 " + failed + " failed" : "\u2713";
            return mark + (answers.isEmpty() ? "" : " " + String.join(", ", answers));
        }
    }

    /** Profiles in the api's order (the DRM core, then each driver by era); others after them by name. */
    private static final List<String> PROFILE_ORDER = ProfileName.texts();
    /** What separates a profile from the kernel in a column's name. */
    private static final String ON = " on ";
    private static final Comparator<String> BY_PROFILE = Comparator
            .comparingInt((String p) -> order(profileOf(p)))
            .thenComparing(Comparator.naturalOrder());

    private static int order(String profile) {
        return PROFILE_ORDER.contains(profile) ? PROFILE_ORDER.indexOf(profile) : PROFILE_ORDER.size();
    }

    private static String profileOf(String column) {
        int on = column.indexOf(ON);
        return on < 0 ? column : column.substring(0, on);
    }

    private final SortedMap<String, SortedMap<String, Cell>> table = new TreeMap<>(NaturalOrder.INSTANCE);
    private final SortedSet<String> profiles = new TreeSet<>(BY_PROFILE);

    /** Adds one Allure result; results that are not spec scenarios are ignored. */
    void add(JsonNode result) {
        Map<String, Set<String>> labels = Results.labels(result);
        if (!labels.getOrDefault("epic", Set.of()).contains(SPEC_EPIC)) {
            return;
        }
        String kernel = Results.parameter(result, "kernel").filter(k -> !k.isEmpty() && !k.equals(KernelCounts.MODEL)).orElse("");
        String profile = Results.parameter(result, "profile").orElse("?") + (kernel.isEmpty() ? "" : ON + kernel);
        profiles.add(profile);
        boolean passed = "passed".equals(result.path("status").asText());
        SortedSet<String> answers = new TreeSet<>();
        for (JsonNode step : result.path("steps")) {
            Results.parameter(step, ANSWER).filter(answer -> !answer.isEmpty()).ifPresent(answers::add);
        }
        for (String id : labels.getOrDefault("catalogue", Set.of())) {
            Cell cell = table.computeIfAbsent(id, k -> new TreeMap<>()).computeIfAbsent(profile, k -> new Cell());
            if (passed) {
                cell.passed++;
            } else {
                cell.failed++;
            }
            cell.answers.addAll(answers);
        }
    }

    boolean isEmpty() {
        return table.isEmpty();
    }

    int rows() {
        return table.size();
    }

    /** The table as a standalone HTML page. */
    String html() {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Catalogue by profile</title><style>")
                .append("body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}")
                .append("th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}")
                .append("th{background:#f0f0f0}.failed{background:#fdd}.passed{background:#efe}")
                .append("</style></head><body><h2>Catalogue ID by profile</h2>")
                .append("<p>Each cell: \u2713 when every scenario naming the ID passed on that profile (\u2717 and a count ")
                .append("when some failed), then the outcomes the device answered in those scenarios.</p>")
                .append("<table><tr><th>catalogue ID</th>");
        for (String profile : profiles) {
            out.append("<th>").append(escape(profile)).append("</th>");
        }
        out.append("</tr>");
        table.forEach((id, row) -> {
            out.append("<tr><td>").append(escape(id)).append("</td>");
            for (String profile : profiles) {
                Cell cell = row.get(profile);
                if (cell == null) {
                    out.append("<td></td>");
                } else {
                    out.append("<td class=\"").append(cell.failed > 0 ? "failed" : "passed").append("\">")
                            .append(escape(cell.render())).append("</td>");
                }
            }
            out.append("</tr>");
        });
        return out.append("</table></body></html>").toString();
    }

    /** The cell for {@code id} on {@code profile}, for tests. */
    String cell(String id, String profile) {
        Cell cell = table.getOrDefault(id, new TreeMap<>()).get(profile);
        return cell == null ? "" : cell.render();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
