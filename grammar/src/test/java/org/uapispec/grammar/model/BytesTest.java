package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Repeat and join make exact byte strings up to the one limit, and refuse beyond it instead of overflowing. */
class BytesTest {
    private static final Bytes ABC = Bytes.ofUtf8("abc");

    @Test
    void repeatAndJoinMakeTheExactBytes() {
        assertThat(ABC.repeat(3)).isEqualTo(Bytes.ofUtf8("abcabcabc"));
        assertThat(ABC.repeat(0)).isEqualTo(Bytes.ofUtf8(""));
        assertThat(Bytes.ofUtf8("").repeat(-1)).isEqualTo(Bytes.ofUtf8(""));
        assertThat(Bytes.ofUtf8("x").repeat(Bytes.MAX_LENGTH).length()).isEqualTo(Bytes.MAX_LENGTH);
        assertThat(ABC.concat(Bytes.ofHex("00ff"))).isEqualTo(Bytes.ofHex("61626300ff"));
    }

    @Test
    void theLimitIsSixteenMebibytes() {
        assertThat(Bytes.MAX_LENGTH).isEqualTo(16 << 20);
    }

    /** 3 * 0x4000000080000000 overflows to a negative int when multiplied; it must be refused. */
    @Test
    void aRepeatWhoseLengthOverflowsIsRefused() {
        assertThatThrownBy(() -> ABC.repeat(0x4000000080000000L)).isInstanceOf(Bytes.TooLong.class)
                .hasMessage("repeating 3 bytes 4611686020574871552 times exceeds the 16 MiB limit on byte strings");
        assertThatThrownBy(() -> Bytes.ofUtf8("ab").repeat(0x4000000000000001L)).isInstanceOf(Bytes.TooLong.class);
        assertThatThrownBy(() -> Bytes.ofUtf8("x").repeat(-1)).isInstanceOf(Bytes.TooLong.class)
                .hasMessage("repeating 1 byte 18446744073709551615 times exceeds the 16 MiB limit on byte strings");
        assertThatThrownBy(() -> Bytes.ofUtf8("x").repeat(Bytes.MAX_LENGTH + 1L)).isInstanceOf(Bytes.TooLong.class);
    }

    @Test
    void aJoinBeyondTheLimitIsRefused() {
        Bytes half = Bytes.ofUtf8("x").repeat(Bytes.MAX_LENGTH / 2);
        assertThat(half.concat(half).length()).isEqualTo(Bytes.MAX_LENGTH);
        assertThatThrownBy(() -> half.concat(half).concat(ABC)).isInstanceOf(Bytes.TooLong.class)
                .hasMessage("joining 16777216 and 3 bytes exceeds the 16 MiB limit on byte strings");
    }
}
