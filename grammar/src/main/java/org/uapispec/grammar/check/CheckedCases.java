package org.uapispec.grammar.check;

import java.util.List;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.ast.OutcomeClause;

/**
 * A per-profile outcome block as the checker resolved its keys: which case applies to a profile
 * answering as a kernel era. The checker asks it whether the block covers every profile and era of
 * the scenario; lowering asks it for each profile's outcome.
 */
public final class CheckedCases {

    /**
     * A key without errors.
     *
     * @param profile null for {@code default}
     * @param era null for a key without an era
     * @param onwards whether the key covers every era from {@code era} on ({@code @6.1+})
     */
    record Key(String profile, KernelEra era, boolean onwards, OutcomeClause.Alternatives outcome) {
    }

    private final List<Key> keys;

    CheckedCases(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The case for {@code profile} answering as {@code era}, the most specific key first: the key of
     * exactly that era, else the range key with the latest start at or before it, else the key of the
     * profile without an era, else {@code default}; null when none applies. A profile that does not
     * follow kernel eras has no era keys (the checker rejects them), so for it the era does not matter.
     */
    public OutcomeClause.Alternatives caseFor(String profile, KernelEra era) {
        OutcomeClause.Alternatives range = null;
        KernelEra rangeStart = null;
        OutcomeClause.Alternatives plain = null;
        OutcomeClause.Alternatives fallback = null;
        for (Key key : keys) {
            if (key.profile() == null) {
                fallback = key.outcome();
            } else if (!key.profile().equals(profile)) {
                continue;
            } else if (key.era() == null) {
                plain = key.outcome();
            } else if (!key.onwards()) {
                if (key.era() == era) {
                    return key.outcome();
                }
            } else if (era.atLeast(key.era()) && (rangeStart == null || key.era().atLeast(rangeStart))) {
                range = key.outcome();
                rangeStart = key.era();
            }
        }
        return range != null ? range : plain != null ? plain : fallback;
    }

    /** Whether some key names {@code profile} with an era: only then may its outcome differ by era. */
    public boolean namesEras(String profile) {
        for (Key key : keys) {
            if (key.era() != null && key.profile().equals(profile)) {
                return true;
            }
        }
        return false;
    }
}
