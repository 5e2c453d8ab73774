package org.uapispec.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.uapispec.api.Pid;

/**
 * Which processes of a run forked from which, and which exited, on one clock with file opens. An
 * observation about a file runs in a process that holds it: the opener while it lives, else a live
 * descendant forked after the file was opened (fork copies the fd table, same numbers).
 */
final class Lineage {
    private record Fork(Pid child, long at) {
    }

    private final Map<Pid, List<Fork>> children = new HashMap<>();
    private final Set<Pid> exited = new HashSet<>();
    private long clock;

    /** The time of an event (a file opened or exported), for ordering against forks. */
    long tick() {
        return ++clock;
    }

    void forked(Pid parent, Pid child) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(new Fork(child, tick()));
    }

    void exited(Pid pid) {
        exited.add(pid);
    }

    /** A live process that holds {@code file}; the opener itself when none does (its calls then fail). */
    Pid holder(FileRef file) {
        if (!exited.contains(file.owner())) {
            return file.owner();
        }
        Deque<Pid> queue = new ArrayDeque<>(List.of(file.owner()));
        while (!queue.isEmpty()) {
            for (Fork fork : children.getOrDefault(queue.poll(), List.of())) {
                if (fork.at() > file.openedAt()) {
                    if (!exited.contains(fork.child())) {
                        return fork.child();
                    }
                    queue.add(fork.child());
                }
            }
        }
        return file.owner();
    }
}
