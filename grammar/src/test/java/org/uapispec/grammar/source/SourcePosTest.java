package org.uapispec.grammar.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourcePosTest {

    @Test
    void printsFileLineAndColumn() {
        SourcePos pos = new SourcePos("userptr.uapi", 12, 5);
        assertThat(pos).hasToString("userptr.uapi:12:5");
        assertThat(pos.lineAndColumn()).isEqualTo("12:5");
    }

    @Test
    void countsFromOne() {
        assertThatThrownBy(() -> new SourcePos("f", 0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line");
        assertThatThrownBy(() -> new SourcePos("f", 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column");
        assertThatThrownBy(() -> new SourcePos(null, 1, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void ordersByFileThenLineThenColumn() {
        SourcePos a = new SourcePos("a", 2, 9);
        SourcePos b = new SourcePos("a", 10, 1);
        SourcePos c = new SourcePos("a", 10, 2);
        SourcePos d = new SourcePos("b", 1, 1);
        assertThat(java.util.stream.Stream.of(d, c, b, a).sorted()).containsExactly(a, b, c, d);
    }

    @Test
    void sourceFileGivesLinesAndPositions() {
        SourceFile file = new SourceFile("x.uapi", "one\ntwo\r\nthree");
        assertThat(file.line(2)).isEqualTo("two");
        assertThat(file.line(3)).isEqualTo("three");
        assertThat(file.line(4)).isEmpty();
        assertThat(file.at(3, 2)).isEqualTo(new SourcePos("x.uapi", 3, 2));
    }

    @Test
    void malformedUtf8IsReplacedNotRejected() {
        byte[] bytes = {'s', (byte) 0xff, 'p', (byte) 0xc3};
        SourceFile file = SourceFile.fromBytes("bin", bytes);
        assertThat(file.text()).isEqualTo("s\ufffdp\ufffd");
        assertThat(SourceFile.fromBytes("ok", "é".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("é");
    }
}
