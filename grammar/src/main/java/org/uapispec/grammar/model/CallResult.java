package org.uapispec.grammar.model;

import java.util.Map;

/**
 * What a successful call binds: the primary result (null for calls that return only 0) and the
 * named out fields ({@code size}, {@code pitch}), as the engine's runtime values.
 */
public record CallResult(Object primary, Map<String, Object> fields) {
    /** A call that returns only 0. */
    public static final CallResult NOTHING = new CallResult(null, Map.of());

    public CallResult {
        fields = Map.copyOf(fields);
    }

    public static CallResult of(Object primary) {
        return new CallResult(primary, Map.of());
    }

    /** For {@code Outcome<Void>.map}: a call that returns only 0. */
    public static CallResult nothing(Void ignored) {
        return NOTHING;
    }

    public boolean hasResult() {
        return primary != null;
    }
}
