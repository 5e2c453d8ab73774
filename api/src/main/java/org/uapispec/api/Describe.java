package org.uapispec.api;

import java.util.HexFormat;

/** Renders result values for messages: byte arrays as hex, everything else by toString. */
final class Describe {
    private static final int MAX_BYTES = 64;

    private Describe() {
    }

    static String value(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes(bytes);
        }
        return String.valueOf(value);
    }

    static String bytes(byte[] bytes) {
        int shown = Math.min(bytes.length, MAX_BYTES);
        String hex = HexFormat.ofDelimiter(" ").formatHex(bytes, 0, shown);
        return bytes.length > shown ? hex + " ... (" + bytes.length + " bytes)" : hex;
    }
}
