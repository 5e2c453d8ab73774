package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.uapispec.grammar.diag.Diagnostic;

/** One run reports every error of a stage, not only the first. */
class MultipleErrorsTest {

    @Test
    void checkErrorsOnLinesThreeSevenAndTwelveInOneRun() {
        String text = String.join("\n",
                "spec \"three errors\" {",                          // 1
                "  scenario \"s\" {",                               // 2
                "    p = spawnn()",                                 // 3 unknown call
                "    q = spawn()",                                  // 4
                "    f = open(q)",                                  // 5
                "    h = gem_create(f, size: PAGE)",                // 6
                "    gem_close(h, h)",                              // 7 handle where a file is expected
                "    gem_close(f, h)",                              // 8
                "    check h.size == PAGE",                         // 9
                "    check valid(f, h)",                            // 10
                "    exit(q)",                                      // 11
                "    gem_close(f, 1) -> EINVL",                     // 12 unknown errno
                "  }",
                "}",
                "");
        CompileResult result = Specs.compile(text);
        assertThat(result).isInstanceOf(CompileResult.Failure.class);
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).extracting(d -> d.pos().line())
                .containsExactly(3, 7, 12);
        assertThat(result.diagnostics()).filteredOn(Diagnostic::isError).extracting(Diagnostic::message).containsExactly(
                "unknown call 'spawnn', did you mean 'spawn'?",
                "argument 'file' of 'gem_close' needs a file, got handle 'h'",
                "unknown errno 'EINVL', did you mean 'EINVAL'?");
    }

    @Test
    void syntaxErrorsOnLinesThreeSevenAndTwelveInOneRun() {
        String text = String.join("\n",
                "spec \"three syntax errors\" {",
                "  scenario \"a\" {",
                "    p = spawn(uid: 1 +)",                          // 3
                "  }",
                "  scenario \"b\" {",
                "    q = spawn()",
                "    exit(q,,)",                                    // 7
                "  }",
                "  scenario \"c\" {",
                "    r = spawn()",
                "    exit(r)",
                "    check r ==  == r",                             // 12
                "  }",
                "}",
                "");
        CompileResult result = Specs.compile(text);
        assertThat(result.diagnostics()).extracting(d -> d.pos().line()).containsExactly(3, 7, 12);
    }
}
