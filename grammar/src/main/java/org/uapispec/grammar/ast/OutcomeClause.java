package org.uapispec.grammar.ast;

import java.util.List;
import java.util.Objects;
import org.uapispec.grammar.source.SourcePos;

/** What a step expects: implicit ok, alternatives ({@code EINVAL | EFAULT}), or a block per profile. */
public sealed interface OutcomeClause extends SyntaxNode {

    /** No {@code ->}: the step must succeed. */
    record Implicit(SourcePos pos) implements OutcomeClause {
    }

    /**
     * {@code ok}, an errno, a signal, or an outcome loop variable, or several joined by {@code |}.
     * The names are resolved by the checker.
     */
    record Alternatives(SourcePos pos, List<Name> atoms) implements OutcomeClause {
        public Alternatives {
            atoms = List.copyOf(atoms);
        }
    }

    /** {@code { i915-2014: EINVAL  i915, i915-2019: ok  generic@6.1+: EINVAL  default: ok }}. */
    record PerProfile(SourcePos pos, List<ProfileCase> cases) implements OutcomeClause {
        public PerProfile {
            cases = List.copyOf(cases);
        }
    }

    /** One case of a per-profile block: the keys it is for, and its outcome. */
    record ProfileCase(SourcePos pos, List<ProfileKey> keys, Alternatives outcome) implements SyntaxNode {
        public ProfileCase {
            keys = List.copyOf(keys);
        }
    }

    /**
     * What a case is for: a profile ({@code i915}), a profile in kernel eras ({@code generic@5.10},
     * {@code generic@6.1+}), or {@code default}, which covers the rest. An item of a
     * {@link ProfileList} is a key too, with the same meaning. The checker resolves the names.
     *
     * @param era null for a key without one
     */
    record ProfileKey(SourcePos pos, Name profile, Era era) implements SyntaxNode {
        public ProfileKey {
            Objects.requireNonNull(profile, "profile");
        }

        /** The key as written: {@code generic@6.1+}. */
        public String text() {
            return era == null ? profile.text() : profile.text() + era.text();
        }
    }

    /**
     * The kernel era of a key, at its {@code @}: {@code @5.10} is that era, {@code @6.1+} that era and
     * every later one.
     *
     * @param release the era without {@code @} and {@code +}: {@code 6.1}
     * @param onwards whether later eras are included ({@code +})
     */
    record Era(SourcePos pos, String release, boolean onwards) implements SyntaxNode {
        public Era {
            Objects.requireNonNull(release, "release");
        }

        /** The era as written: {@code @6.1+}. */
        public String text() {
            return "@" + release + (onwards ? "+" : "");
        }
    }
}
