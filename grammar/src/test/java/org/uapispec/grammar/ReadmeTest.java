package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.source.SourceFile;

/** The complete specs shown in the README compile (warnings allowed: they are fragments of teaching). */
class ReadmeTest {

    @Test
    void theFlinkExampleIsShownVerbatim() throws IOException {
        assertThat(Files.readString(Path.of("README.md")))
                .contains(Files.readString(Path.of("examples/flink-revoke.uapi")));
    }

    @Test
    void completeSpecsInTheReadmeCompile() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher block = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        List<String> specs = new ArrayList<>();
        while (block.find()) {
            String code = block.group(1);
            if (code.startsWith("spec ") || code.startsWith("///")) {
                specs.add(code);
            }
        }
        assertThat(specs).hasSizeGreaterThanOrEqualTo(3);
        for (String spec : specs) {
            SourceFile source = new SourceFile("README.md", spec);
            CompileResult result = new SpecCompiler().compile(source);
            assertThat(result.diagnostics()).filteredOn(Diagnostic::isError)
                    .as(Diagnostics.render(result.diagnostics(), source)).isEmpty();
        }
    }
}
