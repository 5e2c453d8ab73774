package org.uapispec.grammar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.source.SourceFile;

/** Test helpers: the example files and one-call compilation. */
public final class Specs {
    public static final Path EXAMPLES = Path.of("src/test/resources/examples");

    private Specs() {
    }

    public static List<Path> examples() {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".uapi")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceFile read(Path path) {
        try {
            return new SourceFile(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SourceFile example(String name) {
        return read(EXAMPLES.resolve(name));
    }

    public static CompileResult compile(String text) {
        return compileSource(new SourceFile("test.uapi", text));
    }

    public static CompileResult compileSource(SourceFile source) {
        return new SpecCompiler().compile(source);
    }

    public static SpecModel model(SourceFile source) {
        return SpecCompiler.modelOrThrow(new SpecCompiler().compile(source));
    }
}
