package org.uapispec.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The bindings of one scenario run: each name's primary result and its named result fields. */
final class Bindings {
    /** Raised when a step needs a name that is not bound on this profile; the step is skipped. */
    static final class Unbound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unbound(String name) {
            super(name, null, false, false);
        }
    }

    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Map<String, Object>> fields = new HashMap<>();
    private final Set<String> closed = new HashSet<>();

    void bind(String name, Object value, Map<String, Object> resultFields) {
        closed.remove(name);
        values.put(name, value);
        fields.put(name, Map.copyOf(resultFields));
    }

    /** The resource bound to {@code name} was closed; the name still holds its (stale) value. */
    void markClosed(String name) {
        closed.add(name);
    }

    boolean bound(String name) {
        return values.containsKey(name);
    }

    /** Bound and not closed: what invariants may ask about. */
    boolean live(String name) {
        return bound(name) && !closed.contains(name);
    }

    Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new Unbound(name);
        }
        return value;
    }

    Object field(String binding, String field) {
        Map<String, Object> of = fields.get(binding);
        if (of == null || !of.containsKey(field)) {
            throw new Unbound(binding + "." + field);
        }
        return of.get(field);
    }
}
