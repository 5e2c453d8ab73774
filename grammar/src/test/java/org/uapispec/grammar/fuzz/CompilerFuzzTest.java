package org.uapispec.grammar.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.uapispec.grammar.source.SourceFile;

/**
 * Fuzzes {@code SpecCompiler.compile}: no input makes it throw, and every diagnostic lies inside
 * the file ({@link CompileInvariants}). Under {@code mvn verify} Jazzer runs in regression mode:
 * each method runs once per file of its inputs directory ({@code CompilerFuzzTestInputs/<method>/}
 * in the test resources: every reproducer of issue 14 and what fuzzing found; for {@code anyText}
 * also the suite's spec files and {@code grammar/examples}, copied there by the build) and once on
 * the empty input. With {@code JAZZER_FUZZ=1} it fuzzes; grammar/README.md has the command.
 */
class CompilerFuzzTest {

    /** Any bytes, decoded as the engine decodes a file: UTF-8, malformed bytes replaced. */
    @FuzzTest(maxDuration = "5m")
    void anyText(byte[] data) {
        CompileInvariants.hold(SourceFile.fromBytes("fuzz.uapi", data));
    }

    /** Text made of the language's own tokens, mostly inside a spec that binds the usual resources. */
    @FuzzTest(maxDuration = "5m")
    void specLikeText(FuzzedDataProvider data) {
        CompileInvariants.hold(new SourceFile("fuzz.uapi", SpecLikeText.of(data)));
    }
}
