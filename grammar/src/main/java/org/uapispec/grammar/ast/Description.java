package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/** {@code description "..." "..."}: prose, one string per paragraph. */
public record Description(SourcePos pos, List<String> paragraphs) implements Meta {
    public Description {
        paragraphs = List.copyOf(paragraphs);
    }
}
