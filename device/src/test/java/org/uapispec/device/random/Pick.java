package org.uapispec.device.random;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.uapispec.api.Backend;
import org.uapispec.api.Mman;

/**
 * The random values of a run: mostly values that name something (a recent handle, a mapped address),
 * often edge values (0, -1, high bits, wrapping lengths), sometimes anything. Recent values are kept
 * in small rings, so a stale handle or an address just unmapped comes back later.
 */
final class Pick {
    static final long PAGE = Mman.PAGE_SIZE;
    /** Lengths and sizes at the edges: 0, one byte, wraps, the top of the address space, huge. */
    private static final long[] EDGE_LENGTHS = {0, 1, PAGE - 1, PAGE + 1, ~0L, -PAGE, 1L << 63, Long.MAX_VALUE,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 32, 0x7ffffffff000L, 0x800000000000L, 1L << 40,
        Backend.MAX_TRANSFER + 1, ~0L << 32};
    private static final long[] EDGE_WORDS = {0, 1, -1, 2, 3, 4, 5, 7, 8, 0x10, 0x100, 0x80000, 0x100000,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 32, 0x1_0000_0001L, Long.MIN_VALUE, Long.MAX_VALUE,
        0xdeadbeefL, 0x10000, 0xffff_0000L};

    final SplittableRandom random;
    private final List<Long> addresses = new ArrayList<>();
    private final List<Integer> handles = new ArrayList<>();
    private final List<Integer> names = new ArrayList<>();
    private final List<Integer> magics = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    Pick(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A number from 0 to {@code bound} - 1, for bounds past the int range. */
    long below(long bound) {
        return Math.floorMod(random.nextLong(), bound);
    }

    <T> T of(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    long edgeWord() {
        return EDGE_WORDS[random.nextInt(EDGE_WORDS.length)];
    }

    /** Any 32-bit pattern, biased to small numbers and edges. */
    int word32() {
        int kind = random.nextInt(4);
        return kind == 0 ? random.nextInt(8) : kind == 1 ? (int) edgeWord() : random.nextInt();
    }

    /** A length: mostly a few pages or less, often an edge; never one that passes access_ok and is huge. */
    long length() {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return (1 + random.nextInt(8)) * PAGE;
        }
        if (kind < 7) {
            return 1 + random.nextInt((int) (4 * PAGE));
        }
        return EDGE_LENGTHS[random.nextInt(EDGE_LENGTHS.length)];
    }

    /**
     * A userptr size: a few pages, unaligned, 0, or one that access_ok refuses. Never a huge size that
     * passes the checks: pinning it over a huge anonymous mapping would fault in every page, as
     * get_user_pages would (and the kernel would answer ENOMEM at some point the model has no RAM
     * limit to reach).
     */
    long userptrSize() {
        long[] sizes = {0, 1, PAGE - 1, PAGE + 1, ~0L, -PAGE, 1L << 63, Long.MAX_VALUE, 0x800000000000L,
            0x7ffffffff000L, ~0L << 32};
        return random.nextInt(4) > 0 ? (1 + random.nextInt(8)) * PAGE : sizes[random.nextInt(sizes.length)];
    }

    /** A small length that a copy may really carry. */
    int smallLength() {
        return random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 64 : (int) (2 * PAGE));
    }

    byte[] bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (1 + random.nextInt(255)); // never zero, so a stale zero page shows
        }
        return data;
    }

    /** An address: a recent one, one next to it, or an edge. */
    long address() {
        if (!addresses.isEmpty() && random.nextInt(10) < 7) {
            long base = of(addresses);
            int shift = random.nextInt(6);
            return shift == 0 ? base : shift == 1 ? base + PAGE : shift == 2 ? base - PAGE
                    : shift == 3 ? base + random.nextInt((int) PAGE) : shift == 4 ? base + 4 * PAGE : base;
        }
        long[] edges = {0, PAGE, 0x10000, 0x100000000L, 0x7ffffffff000L - PAGE, 0x7ffffffff000L, -PAGE, -1,
            0x200000000L, 0x7fff00000000L};
        return edges[random.nextInt(edges.length)];
    }

    void sawAddress(long addr) {
        remember(addresses, addr);
    }

    void sawHandle(int handle) {
        remember(handles, handle);
    }

    void sawName(int name) {
        remember(names, name);
    }

    void sawMagic(int magic) {
        remember(magics, magic);
    }

    void sawOffset(long offset) {
        remember(offsets, offset);
    }

    /** A handle number seen anywhere, bent (high bits, +1), or any 32-bit pattern [15]. */
    int strayHandle() {
        if (!handles.isEmpty() && random.nextInt(3) > 0) {
            int h = of(handles);
            int bend = random.nextInt(4);
            return bend == 0 ? h : bend == 1 ? h + 1 : bend == 2 ? h | 0x10000 : h | 0x80000000;
        }
        return word32();
    }

    int name() {
        return !names.isEmpty() && random.nextInt(3) > 0 ? of(names) : word32();
    }

    int magic() {
        return !magics.isEmpty() && random.nextInt(3) > 0 ? of(magics) : word32();
    }

    /** A fake offset seen before (maybe stale by now), one moved by a page, or an edge. */
    long offset() {
        if (!offsets.isEmpty() && random.nextInt(3) > 0) {
            long offset = of(offsets);
            return random.nextInt(4) == 0 ? offset + PAGE : offset;
        }
        return random.nextBoolean() ? random.nextInt(4) * PAGE : edgeWord() & -PAGE;
    }

    private <T> void remember(List<T> ring, T value) {
        if (ring.size() < 16) {
            ring.add(value);
        } else {
            ring.set(random.nextInt(16), value);
        }
    }
}
