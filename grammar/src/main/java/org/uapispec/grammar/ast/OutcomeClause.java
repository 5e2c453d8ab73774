package org.uapispec.grammar.ast;

import java.util.List;
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

    /** {@code { i915-2014: EINVAL  i915, i915-2019: ok  default: ok }}. */
    record PerProfile(SourcePos pos, List<ProfileCase> cases) implements OutcomeClause {
        public PerProfile {
            cases = List.copyOf(cases);
        }
    }

    /** One case of a per-profile block; the profile name {@code default} covers the rest. */
    record ProfileCase(SourcePos pos, List<Name> profiles, Alternatives outcome) implements SyntaxNode {
        public ProfileCase {
            profiles = List.copyOf(profiles);
        }
    }
}
