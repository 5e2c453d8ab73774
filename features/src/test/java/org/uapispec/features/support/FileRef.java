package org.uapispec.features.support;

import java.util.Objects;

/**
 * A file named in a step: {@code file F1}, or {@code file F1 in process B} for a process that shares it
 * (a forked child). Without a process the file's opener uses it.
 *
 * @param name    the scenario's name for the file
 * @param process the process that makes the call, or {@code null} for the opener
 */
public record FileRef(String name, String process) {
    public FileRef {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "file " + name + (process == null ? "" : " in process " + process);
    }
}
