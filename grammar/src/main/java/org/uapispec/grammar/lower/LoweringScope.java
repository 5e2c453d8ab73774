package org.uapispec.grammar.lower;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Value;

/** Names during lowering: bindings (with the process that owns them) and loop variables (with their row's value). */
final class LoweringScope {
    /** What a name stands for. {@code owner} is the process binding that owns a resource. */
    record Entry(Value value, String owner, Operation producer, List<Expected> outcome) {
    }

    private final LoweringScope parent;
    private final Map<String, Entry> entries = new HashMap<>();

    LoweringScope(LoweringScope parent) {
        this.parent = parent;
    }

    Entry lookup(String name) {
        Entry entry = entries.get(name);
        return entry != null || parent == null ? entry : parent.lookup(name);
    }

    void bind(String name, Entry entry) {
        entries.put(name, entry);
    }
}
