package org.uapispec.grammar.ast;

import java.util.List;
import org.uapispec.grammar.source.SourcePos;

/**
 * {@code profiles [generic@6.1+, i915-2019, i915]}: the profiles a spec or scenario runs on, each
 * written as a key of a per-profile outcome, on every kernel era or, with an era, on some. The
 * checker resolves the keys.
 */
public record ProfileList(SourcePos pos, List<OutcomeClause.ProfileKey> keys) implements Meta {
    public ProfileList {
        keys = List.copyOf(keys);
    }
}
