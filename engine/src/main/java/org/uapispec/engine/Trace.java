package org.uapispec.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.source.SourcePos;

/** The steps of one run so far, with what each returned: the story a failure message tells. */
final class Trace {

    /** How a step ended. */
    public enum Status {
        PASSED, FAILED, SKIPPED
    }

    /**
     * One step: the step (where it is written, its text as lowering printed it), what came back, and
     * how it ended. Keeping the step rather than a copy of its text costs nothing per passing step.
     *
     * @param expected for a call that ran, the outcomes the spec allows ({@code ENOENT or EINVAL});
     *                 else empty
     * @param answer   for a call that ran, the kernel's answer alone: {@code ok}, an errno's or a
     *                 signal's name; else empty
     */
    public record Entry(Step step, String result, Status status, String expected, String answer) {
        /** A step that is not a call, or a call that did not get an answer. */
        Entry(Step step, String result, Status status) {
            this(step, result, status, "", "");
        }

        public SourcePos pos() {
            return step.pos();
        }

        public String text() {
            return step.text();
        }

        String render() {
            SourcePos pos = pos();
            String text = text();
            String mark = status == Status.PASSED ? "ok  " : status == Status.FAILED ? "FAIL" : "skip";
            return String.format("  %s %s  %s  -> %s", mark, pos, text, result);
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            out.append(entry.render()).append('\n');
        }
        return out.toString();
    }
}
