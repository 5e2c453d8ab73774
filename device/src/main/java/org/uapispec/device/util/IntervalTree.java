package org.uapispec.device.util;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Half-open intervals {@code [start, end)} that may overlap, each with a value: a treap keyed by
 * (start, insertion sequence) and augmented with the largest end in each subtree. Insert and remove
 * cost O(log n) expected; {@link #overlapping} costs O(log n + k) for k hits. The userptr overlap
 * rule and MMU-notifier invalidation use it so that no call scans every object.
 *
 * <p>The priorities come from a fixed seed, so the tree's shape, and every answer, is deterministic.
 *
 * @param <V> the value stored with each interval
 */
public final class IntervalTree<V> {

    /** A stored interval; keep it to {@link #remove} the entry later. */
    public static final class Entry<V> {
        private final long start;
        private final long end;
        private final long seq;
        private final V value;
        private final int priority;
        private Entry<V> left;
        private Entry<V> right;
        private long maxEnd;

        private Entry(long start, long end, long seq, V value, int priority) {
            this.start = start;
            this.end = end;
            this.seq = seq;
            this.value = value;
            this.priority = priority;
            this.maxEnd = end;
        }

        public long start() {
            return start;
        }

        public long end() {
            return end;
        }

        public V value() {
            return value;
        }

        private int compareTo(Entry<V> other) {
            int byStart = Long.compare(start, other.start);
            return byStart != 0 ? byStart : Long.compare(seq, other.seq);
        }
    }

    private final SplittableRandom random = new SplittableRandom(0x5eed);
    private Entry<V> root;
    private long sequence;
    private int size;

    /** Adds {@code [start, end)} with {@code value}; the interval must not be empty. */
    public Entry<V> insert(long start, long end, V value) {
        if (end <= start) {
            throw new IllegalArgumentException("empty interval [" + start + ", " + end + ")");
        }
        Entry<V> entry = new Entry<>(start, end, sequence++, value, random.nextInt());
        root = insert(root, entry);
        size++;
        return entry;
    }

    /** Removes an entry that {@link #insert} returned; returns false if it was already removed. */
    public boolean remove(Entry<V> entry) {
        int before = size;
        root = remove(root, entry);
        return size < before;
    }

    /** Every entry that overlaps {@code [start, end)}, in order of start. */
    public List<Entry<V>> overlapping(long start, long end) {
        List<Entry<V>> hits = new ArrayList<>();
        collect(root, start, end, hits);
        return hits;
    }

    /** Whether any entry overlaps {@code [start, end)}. */
    public boolean anyOverlapping(long start, long end) {
        return any(root, start, end);
    }

    public int size() {
        return size;
    }

    private boolean any(Entry<V> node, long start, long end) {
        if (node == null || node.maxEnd <= start) {
            return false;
        }
        if (any(node.left, start, end)) {
            return true;
        }
        if (node.start >= end) {
            return false;
        }
        return start < node.end || any(node.right, start, end);
    }

    private void collect(Entry<V> node, long start, long end, List<Entry<V>> hits) {
        if (node == null || node.maxEnd <= start) {
            return;
        }
        collect(node.left, start, end, hits);
        if (node.start >= end) {
            return; // this node and its right subtree start at or after the query's end
        }
        if (start < node.end) {
            hits.add(node);
        }
        collect(node.right, start, end, hits);
    }

    private Entry<V> insert(Entry<V> node, Entry<V> entry) {
        if (node == null) {
            return entry;
        }
        if (entry.compareTo(node) < 0) {
            node.left = insert(node.left, entry);
            if (node.left.priority > node.priority) {
                node = rotateRight(node);
            }
        } else {
            node.right = insert(node.right, entry);
            if (node.right.priority > node.priority) {
                node = rotateLeft(node);
            }
        }
        update(node);
        return node;
    }

    private Entry<V> remove(Entry<V> node, Entry<V> entry) {
        if (node == null) {
            return null;
        }
        if (node == entry) {
            size--;
            return merge(node.left, node.right);
        }
        if (entry.compareTo(node) < 0) {
            node.left = remove(node.left, entry);
        } else {
            node.right = remove(node.right, entry);
        }
        update(node);
        return node;
    }

    private Entry<V> merge(Entry<V> a, Entry<V> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            update(a);
            return a;
        }
        b.left = merge(a, b.left);
        update(b);
        return b;
    }

    private Entry<V> rotateRight(Entry<V> node) {
        Entry<V> pivot = node.left;
        node.left = pivot.right;
        pivot.right = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private Entry<V> rotateLeft(Entry<V> node) {
        Entry<V> pivot = node.right;
        node.right = pivot.left;
        pivot.left = node;
        update(node);
        update(pivot);
        return pivot;
    }

    private static <V> void update(Entry<V> node) {
        long max = node.end;
        if (node.left != null && node.left.maxEnd > max) {
            max = node.left.maxEnd;
        }
        if (node.right != null && node.right.maxEnd > max) {
            max = node.right.maxEnd;
        }
        node.maxEnd = max;
    }
}
