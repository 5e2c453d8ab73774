package org.uapispec.grammar.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions for misspelt names, by edit distance with transpositions. */
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * The candidate closest to {@code name}, if one is close enough: at most a third of the longer
     * name's length in edits (at least 1, at most 3), comparing without regard to case.
     */
    public static Optional<String> suggest(String name, Collection<String> candidates) {
        return candidates.stream()
                .filter(c -> !c.equals(name))
                .filter(c -> distance(name, c) <= threshold(name, c))
                .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c));
    }

    /** {@code ", did you mean 'x'?"} or "" when nothing is close; ready to append to a message. */
    public static String hint(String name, Collection<String> candidates) {
        return suggest(name, candidates).map(s -> ", did you mean '" + s + "'?").orElse("");
    }

    /**
     * Edit distance between the lower-cased names, counting a swap of two neighbouring characters
     * as one edit, as a typist makes it ({@code i195} for {@code i915}): the optimal string
     * alignment distance, Levenshtein's with transpositions.
     */
    public static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] twoBack = new int[y.length() + 1];
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                int best = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    best = Math.min(best, twoBack[j - 2] + 1);
                }
                current[j] = best;
            }
            int[] oldest = twoBack;
            twoBack = previous;
            previous = current;
            current = oldest;
        }
        return previous[y.length()];
    }

    private static int threshold(String a, String b) {
        return Math.max(1, Math.min(3, Math.max(a.length(), b.length()) / 3));
    }
}
