package org.uapispec.grammar.lower;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.model.Expectation;
import org.uapispec.grammar.model.Expected;

/**
 * The expectations of one spec's steps, each made once and shared: they are immutable, and steps
 * repeat few of them (ok almost everywhere, a loop's outcome on every row, the setup in every
 * scenario).
 */
final class Expectations {
    private record Key(List<String> profiles, List<List<Expected>> outcomes,
            Map<String, Map<KernelEra, List<Expected>>> byEra) {
    }

    private final Map<Key, Expectation> made = new HashMap<>();
    /**
     * {@link #everywhere} by the identity of its arguments, in front of {@link #made}: a scenario's
     * profiles are one list, and an outcome the checker resolved is one list for all the rows and
     * scenarios that lower it, so most calls find theirs without hashing the lists' contents.
     */
    private final Map<List<String>, Map<List<Expected>, Expectation>> everywhere = new IdentityHashMap<>();

    /** The same outcomes on every one of {@code profiles}. */
    Expectation everywhere(List<String> profiles, List<Expected> outcomes) {
        Map<List<Expected>, Expectation> byOutcomes = everywhere.computeIfAbsent(profiles, p -> new IdentityHashMap<>());
        Expectation expectation = byOutcomes.get(outcomes);
        if (expectation == null) {
            expectation = of(profiles, Collections.nCopies(profiles.size(), outcomes), Map.of());
            byOutcomes.put(outcomes, expectation);
        }
        return expectation;
    }

    /**
     * The outcomes {@code outcomes.get(i)} on {@code profiles.get(i)} at the newest kernel era, for
     * every profile, and the outcomes by era of the profiles in {@code byEra} (those that differ by era).
     */
    Expectation of(List<String> profiles, List<List<Expected>> outcomes,
            Map<String, Map<KernelEra, List<Expected>>> byEra) {
        Key key = new Key(profiles, outcomes, byEra);
        Expectation expectation = made.get(key);
        if (expectation == null) {
            Map<String, List<Expected>> byProfile = new HashMap<>();
            for (int i = 0; i < profiles.size(); i++) {
                byProfile.put(profiles.get(i), outcomes.get(i));
            }
            expectation = new Expectation(byProfile, byEra);
            made.put(key, expectation);
        }
        return expectation;
    }
}
