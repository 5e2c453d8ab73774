package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;

/** Folding byte strings never throws and never lies: a result beyond the limit is an error at its operator. */
class ConstantFoldingTest {
    private static final String HEAD = "spec \"x\" {\n  scenario \"s\" {\n    p = spawn()\n"
            + "    a = mmap(p, len: PAGE, prot: rw, flags: private | anonymous)\n";

    private static CompileResult write(String data) {
        return Specs.compile(HEAD + "    write(p, a, " + data + ")\n  }\n}\n");
    }

    @Test
    void aRepeatWhoseSizeOverflowsIsAnErrorAtTheOperator() {
        assertThat(write("\"abc\" * 0x4000000080000000").diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("test.uapi:5:23: error: repeating 3 bytes 4611686020574871552 times exceeds the 16 MiB"
                        + " limit on byte strings");
    }

    /** 2 * (2^62 + 1) wraps to 2 in 64 bits, and the old {@code (int)} cast made the count 1. */
    @Test
    void aRepeatIsNeverFoldedToAWrongLength() {
        assertThat(write("\"ab\" * 0x4000000000000001").diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("test.uapi:5:22: error: repeating 2 bytes 4611686018427387905 times exceeds the 16 MiB"
                        + " limit on byte strings");
    }

    @Test
    void aJoinBeyondTheLimitIsAnErrorAtTheOperator() {
        assertThat(write("\"a\" * 0x1000000 + \"b\"").diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("test.uapi:5:33: error: joining 16777216 and 1 bytes exceeds the 16 MiB limit on byte"
                        + " strings");
    }

    @Test
    void aRepeatUpToTheLimitFoldsToTheExactBytes() {
        CompileResult result = write("\"ab\" * 3 + x\"00\"");
        Step.CallStep write = (Step.CallStep) result.spec().orElseThrow().scenarios().get(0).steps().get(2);
        assertThat(write.arg("data")).isEqualTo(new Value.ByteString(Bytes.ofHex("616261626162" + "00")));
    }

    /** The body of a loop is lowered once per row: the error is still reported once. */
    @Test
    void aRepeatTooLongInEveryRowIsReportedOnce() {
        CompileResult result = Specs.compile(HEAD + "    for n in [0x10000000, 0x20000000, 0x30000000] {\n"
                + "      write(p, a, \"ab\" * 0x1000000)\n    }\n  }\n}\n");
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("loop variable 'n' is never used",
                        "repeating 2 bytes 16777216 times exceeds the 16 MiB limit on byte strings");
    }
}
