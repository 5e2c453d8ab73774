package org.uapispec.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.source.SourceFile;

/**
 * Small random edits of the valid examples (drop, repeat or swap a word, replace one with another
 * word of the file): the compiler never throws, and whatever it rejects it rejects with an error.
 */
class MutationTest {
    private static final int MUTANTS_PER_EXAMPLE = 400;

    @Test
    void mutatedExamplesNeverMakeTheCompilerThrow() {
        Random random = new Random(5);
        int rejected = 0;
        for (var path : Specs.examples()) {
            List<String> words = split(Specs.read(path).text());
            for (int i = 0; i < MUTANTS_PER_EXAMPLE; i++) {
                String mutant = String.join("", mutate(words, random));
                SourceFile source = new SourceFile("mutant.uapi", mutant);
                CompileResult[] result = new CompileResult[1];
                assertThatCode(() -> result[0] = new SpecCompiler().compile(source)).as(mutant).doesNotThrowAnyException();
                if (result[0] instanceof CompileResult.Failure failure) {
                    rejected++;
                    assertThat(failure.diagnostics()).anyMatch(Diagnostic::isError);
                }
            }
        }
        assertThat(rejected).as("most mutants are wrong").isGreaterThan(MUTANTS_PER_EXAMPLE);
    }

    /** Words and the separators between them, so that joining gives the text back. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\w+|\\s+|.").matcher(text);
        while (m.find()) {
            parts.add(m.group());
        }
        return parts;
    }

    private static List<String> mutate(List<String> words, Random random) {
        List<String> out = new ArrayList<>(words);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int i = random.nextInt(out.size());
            switch (random.nextInt(4)) {
                case 0 -> out.remove(i);
                case 1 -> out.add(i, out.get(i));
                case 2 -> out.set(i, out.get(random.nextInt(out.size())));
                default -> {
                    int j = random.nextInt(out.size());
                    String swap = out.get(i);
                    out.set(i, out.get(j));
                    out.set(j, swap);
                }
            }
        }
        return out;
    }
}
