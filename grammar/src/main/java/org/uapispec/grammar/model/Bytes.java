package org.uapispec.grammar.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable byte string: the data of {@code write}/{@code pwrite} and what reads are compared with.
 * No byte string made by joining or repeating is longer than {@link #MAX_LENGTH}.
 */
public final class Bytes {
    /**
     * The longest byte string that {@link #repeat} and {@link #concat} make: 16 MiB, the one limit
     * for constant folding at compile time and for the engine at run time. Why this size: a byte
     * string is a whole {@code byte[]}, folded ones live in the model for the whole run (the engine
     * keeps every model of a run) and the reference device copies the data into its pages. 16 MiB
     * is 4096 pages, far more than any conformance scenario writes at once (the suite's largest
     * buffers are a few pages), yet small enough that a mistyped count cannot exhaust the heap of a
     * test JVM that runs scenarios in parallel, and far below Java's 2 GiB array limit, which a
     * count near 2^31 would otherwise overflow.
     */
    public static final int MAX_LENGTH = 16 * 1024 * 1024;

    /**
     * A repeat or join that would exceed {@link #MAX_LENGTH}. Its message names the sizes and the
     * limit ({@code repeating 3 bytes 4611686020574871552 times exceeds the 16 MiB limit on byte
     * strings}); the compiler turns it into a diagnostic at the expression, the engine into a step
     * failure.
     */
    public static final class TooLong extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLong(String what) {
            super(what + " exceeds the " + (MAX_LENGTH >> 20) + " MiB limit on byte strings");
        }
    }

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    public static Bytes of(byte[] data) {
        return new Bytes(data.clone());
    }

    /** The UTF-8 encoding of {@code text}: a string literal's bytes. */
    public static Bytes ofUtf8(String text) {
        return new Bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Bytes ofHex(String digits) {
        return new Bytes(HexFormat.of().parseHex(digits));
    }

    public byte[] toArray() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    /**
     * This string {@code times} times over; {@code times} is read unsigned, like every integer of
     * the language, so {@code -1} is 2^64 - 1 times.
     *
     * @throws TooLong if the result would be longer than {@link #MAX_LENGTH}
     */
    public Bytes repeat(long times) {
        // Compared by division, not by multiplying: length * times can overflow 64 bits.
        if (data.length != 0 && Long.compareUnsigned(times, MAX_LENGTH / data.length) > 0) {
            throw new TooLong("repeating " + data.length + " byte" + (data.length == 1 ? "" : "s") + " "
                    + Long.toUnsignedString(times) + " times");
        }
        int length = data.length * (int) (data.length == 0 ? 0 : times);
        byte[] out = new byte[length];
        if (length > 0) {
            System.arraycopy(data, 0, out, 0, data.length);
            for (int filled = data.length; filled < length; filled *= 2) {
                System.arraycopy(out, 0, out, filled, Math.min(filled, length - filled));
            }
        }
        return new Bytes(out);
    }

    /**
     * This string followed by {@code other}.
     *
     * @throws TooLong if the result would be longer than {@link #MAX_LENGTH}
     */
    public Bytes concat(Bytes other) {
        if ((long) data.length + other.data.length > MAX_LENGTH) {
            throw new TooLong("joining " + data.length + " and " + other.data.length + " bytes");
        }
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return new Bytes(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(b.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** {@code x"de ad"} form, shortened after 32 bytes. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("x\"");
        for (int i = 0; i < Math.min(32, data.length); i++) {
            out.append(i == 0 ? "" : " ").append(HexFormat.of().toHexDigits(data[i]));
        }
        return out.append(data.length > 32 ? " ...\" (" + data.length + " bytes)" : "\"").toString();
    }
}
