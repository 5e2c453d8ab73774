package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.platform.console.ConsoleLauncher;

/** The console-launcher command lines engine/README.md documents, run in-process. */
class ConsoleLauncherTest {

    private static String launch(String... selection) {
        StringWriter out = new StringWriter();
        String[] args = new String[selection.length + 6];
        args[0] = "execute";
        args[1] = "--disable-banner";
        args[2] = "--disable-ansi-colors";
        args[3] = "--details=tree";
        args[4] = "--include-engine=uapispec";
        args[5] = "--fail-if-no-tests";
        System.arraycopy(selection, 0, args, 6, selection.length);
        ConsoleLauncher.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString();
    }

    @Test
    void aFileAndLineRunExactlyTheScenarioWrittenThere() {
        String output = launch("--select-file=src/test/resources/good/handles.uapi?line=20");
        assertThat(output).contains("closed numbers are reused").doesNotContain("closing an unknown handle")
                .contains("2 tests successful").contains("0 tests failed");
    }

    @Test
    void aWholeFileRunsEveryScenario() {
        String output = launch("--select-file=src/test/resources/good/handles.uapi");
        assertThat(output).contains("4 tests successful");
    }

    @Test
    void aClasspathResourceAndLineWorkToo() {
        String output = launch("--select-resource=good/per-profile.uapi?line=14");
        assertThat(output).contains("zero width is EINVAL everywhere").doesNotContain("gem_create by driver")
                .contains("2 tests successful");
    }
}
