package org.uapispec.device.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalTreeTest {

    @Test
    void findsEveryOverlapAndNothingElse() {
        IntervalTree<String> tree = new IntervalTree<>();
        tree.insert(0, 10, "a");
        tree.insert(5, 15, "b");
        tree.insert(20, 30, "c");
        tree.insert(10, 20, "d");

        assertThat(tree.overlapping(9, 11)).extracting(IntervalTree.Entry::value).containsExactly("a", "b", "d");
        assertThat(tree.overlapping(15, 20)).extracting(IntervalTree.Entry::value).containsExactly("d");
        assertThat(tree.overlapping(30, 40)).isEmpty();
        assertThat(tree.anyOverlapping(30, 40)).isFalse();
        assertThat(tree.anyOverlapping(29, 40)).isTrue();
    }

    @Test
    void halfOpenIntervalsThatTouchDoNotOverlap() {
        IntervalTree<String> tree = new IntervalTree<>();
        tree.insert(4096, 8192, "page");
        assertThat(tree.anyOverlapping(0, 4096)).isFalse();
        assertThat(tree.anyOverlapping(8192, 12288)).isFalse();
        assertThat(tree.anyOverlapping(8191, 8192)).isTrue();
    }

    @Test
    void removedEntriesAreGoneAndRemovingTwiceIsHarmless() {
        IntervalTree<String> tree = new IntervalTree<>();
        IntervalTree.Entry<String> a = tree.insert(0, 10, "a");
        tree.insert(0, 10, "same range");
        assertThat(tree.remove(a)).isTrue();
        assertThat(tree.remove(a)).isFalse();
        assertThat(tree.overlapping(0, 10)).extracting(IntervalTree.Entry::value).containsExactly("same range");
        assertThat(tree.size()).isEqualTo(1);
    }

    @Test
    void rejectsEmptyIntervals() {
        assertThatThrownBy(() -> new IntervalTree<String>().insert(5, 5, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithBruteForceUnderRandomInsertsAndRemoves() {
        SplittableRandom random = new SplittableRandom(42);
        IntervalTree<Integer> tree = new IntervalTree<>();
        List<IntervalTree.Entry<Integer>> live = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            if (!live.isEmpty() && random.nextInt(3) == 0) {
                tree.remove(live.remove(random.nextInt(live.size())));
            } else {
                long start = random.nextLong(10_000);
                live.add(tree.insert(start, start + 1 + random.nextLong(200), i));
            }
            long qs = random.nextLong(10_000);
            long qe = qs + 1 + random.nextLong(300);
            List<Integer> expected = live.stream()
                    .filter(e -> e.start() < qe && qs < e.end())
                    .map(IntervalTree.Entry::value).sorted().toList();
            List<Integer> actual = tree.overlapping(qs, qe).stream()
                    .map(IntervalTree.Entry::value).sorted().toList();
            assertThat(actual).isEqualTo(expected);
            assertThat(tree.anyOverlapping(qs, qe)).isEqualTo(!expected.isEmpty());
        }
        assertThat(tree.size()).isEqualTo(live.size());
    }
}
