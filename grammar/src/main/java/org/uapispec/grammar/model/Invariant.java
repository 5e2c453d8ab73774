package org.uapispec.grammar.model;

import java.util.List;
import java.util.Set;
import org.uapispec.grammar.source.SourcePos;

/**
 * A named predicate checked after every step of every scenario of the spec. At a step where one of
 * {@link #names()} is not bound (yet, or on this profile), the invariant is skipped.
 */
public record Invariant(SourcePos pos, String name, List<String> doc, String text, Value predicate,
        Set<String> names) {
    public Invariant {
        doc = List.copyOf(doc);
        names = Set.copyOf(names);
    }
}
