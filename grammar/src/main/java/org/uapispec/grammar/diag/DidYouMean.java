package org.uapispec.grammar.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions for misspelt names, by Levenshtein edit distance. */
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

    /** Levenshtein distance between the lower-cased names. */
    public static int distance(String a, String b) {
        String x = a.toLowerCase(java.util.Locale.ROOT);
        String y = b.toLowerCase(java.util.Locale.ROOT);
        int[] previous = new int[y.length() + 1];
        int[] current = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length()];
    }

    private static int threshold(String a, String b) {
        return Math.max(1, Math.min(3, Math.max(a.length(), b.length()) / 3));
    }
}
