package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Texts are built on first use, once, and behave like the strings they build. */
class DisplayTextTest {

    @Test
    void aLazyTextIsBuiltOnFirstUseAndOnlyOnce() {
        AtomicInteger builds = new AtomicInteger();
        DisplayText text = DisplayText.lazy(() -> "gem_close(f, h) #" + builds.incrementAndGet());
        assertThat(builds).hasValue(0);
        assertThat(text.toString()).isEqualTo("gem_close(f, h) #1");
        assertThat(text.toString()).isEqualTo("gem_close(f, h) #1");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aSuffixIsJoinedOnFirstUse() {
        AtomicInteger builds = new AtomicInteger();
        DisplayText step = DisplayText.lazy(() -> {
            builds.incrementAndGet();
            return "userptr(f, ptr: a, size: size)";
        });
        DisplayText row = step.followedBy(DisplayText.of(" [size = 1]"));
        assertThat(builds).hasValue(0);
        assertThat(row).hasToString("userptr(f, ptr: a, size: size) [size = 1]");
        assertThat(step.followedBy(DisplayText.EMPTY)).isSameAs(step);
    }

    @Test
    void textsAreEqualWhenTheirStringsAre() {
        DisplayText lazy = DisplayText.lazy(() -> "check h1 != h2");
        assertThat(lazy).isEqualTo(DisplayText.of("check h1 != h2")).hasSameHashCodeAs(DisplayText.of("check h1 != h2"))
                .isNotEqualTo(DisplayText.of("check h1 == h2"));
    }

    @Test
    void threadsAskingAtOnceGetTheSameStringBuiltOnce() {
        AtomicInteger builds = new AtomicInteger();
        DisplayText text = DisplayText.lazy(() -> {
            builds.incrementAndGet();
            return new String("exit(c)");
        });
        List<CompletableFuture<String>> asks = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(text::toString)).toList();
        List<String> answers = asks.stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer).isSameAs(answers.get(0)).isEqualTo("exit(c)"));
        assertThat(builds).hasValue(1);
    }
}
