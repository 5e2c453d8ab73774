package org.uapispec.grammar.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/** An immutable byte string: the data of {@code write}/{@code pwrite} and what reads are compared with. */
public final class Bytes {
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

    /** This string {@code times} times over. */
    public Bytes repeat(int times) {
        byte[] out = new byte[data.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(data, 0, out, i * data.length, data.length);
        }
        return new Bytes(out);
    }

    public Bytes concat(Bytes other) {
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
