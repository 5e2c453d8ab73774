package org.uapispec.grammar.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;
import org.uapispec.grammar.model.Operation;

class DidYouMeanTest {

    @Test
    void editDistance() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
        assertThat(DidYouMean.distance("ENOENT", "enoent")).isZero();
    }

    /** A swap of two neighbours is one edit, as a typist makes it; Levenshtein counts two. */
    @Test
    void aTranspositionIsOneEdit() {
        assertThat(DidYouMean.distance("i195", "i915")).isEqualTo(1);
        assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
        assertThat(DidYouMean.distance("gme_close", "gem_close")).isEqualTo(1);
        assertThat(DidYouMean.distance("abc", "ca")).isEqualTo(3);
        assertThat(DidYouMean.suggest("i195", List.of("generic", "i915", "i915-2014", "exynos-2012"))).contains("i915");
    }

    @Test
    void suggestsTheClosestCandidate() {
        assertThat(DidYouMean.suggest("gem_creat", Operation.names())).contains("gem_create");
        assertThat(DidYouMean.suggest("EINVL", Errno.names())).contains("EINVAL");
        assertThat(DidYouMean.suggest("enoent", Errno.names())).contains("ENOENT");
        assertThat(DidYouMean.suggest("i915-2015", List.of("i915", "i915-2014", "i915-2019"))).contains("i915-2014");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertThat(DidYouMean.suggest("frobnicate", Operation.names())).isEmpty();
        assertThat(DidYouMean.suggest("x", List.of("PAGE"))).isEmpty();
        assertThat(DidYouMean.hint("frobnicate", Operation.names())).isEmpty();
    }

    @Test
    void hintIsReadyToAppend() {
        assertThat(DidYouMean.hint("sise", List.of("size", "offset"))).isEqualTo(", did you mean 'size'?");
    }

    @Test
    void tiesGoToTheAlphabeticallyFirst() {
        assertThat(DidYouMean.suggest("ab", List.of("ac", "aa"))).contains("aa");
    }
}
