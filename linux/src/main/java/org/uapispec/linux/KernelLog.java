package org.uapispec.linux;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel log records a machine printed since the last look ({@code /dev/kmsg}, read by the agent),
 * as their text. A WARN, an oops or a BUG taints the machine: what runs on it after that proves
 * nothing, so a backend restarts it and reports the lines as the failure of what was running.
 *
 * @param lines each record's text, without the {@code prio,seq,usec,flags;} prefix
 */
public record KernelLog(List<String> lines) {
    /** How a taint starts its first line (the kernel's __warn, oops and BUG reports). */
    private static final List<String> TAINT_STARTS = List.of("WARNING:", "BUG:", "Oops:", "Oops ",
            "general protection fault", "Kernel panic", "kernel BUG at");

    public KernelLog {
        lines = List.copyOf(lines);
    }

    /** The records the agent's kernel printed since the last look, or the agent's refusal as the one line. */
    static KernelLog since(AgentClient agent) {
        Reply reply = agent.kmsg(false);
        return reply.isOk() ? parse(reply.data()) : new KernelLog(List.of("(kmsg answered " + reply + ")"));
    }

    /** The records of a kmsg answer: one per line, {@code prio,seq,usec,flags;text}. */
    static KernelLog parse(byte[] data) {
        List<String> lines = new ArrayList<>();
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            if (record.isEmpty()) {
                continue;
            }
            int text = record.indexOf(';');
            lines.add(text < 0 ? record : record.substring(text + 1));
        }
        return new KernelLog(lines);
    }

    /** The lines that report a WARN, an oops or a BUG. */
    public List<String> taints() {
        return lines.stream().filter(line -> TAINT_STARTS.stream().anyMatch(line::startsWith)).toList();
    }
}
