package org.uapispec.engine.discovery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.diag.Diagnostic;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.source.SourceFile;

/** Reads and compiles each spec source once per discovery. */
final class SpecLoader {

    /** A compiled spec, or the rendered diagnostics (errors and warnings) that stopped it. */
    record Loaded(Optional<SpecModel> model, List<String> diagnostics) {
    }

    private final SpecCompiler compiler = new SpecCompiler();
    private final Map<SpecSource, Loaded> cache = new ConcurrentHashMap<>();

    Loaded load(SpecSource source) {
        return cache.computeIfAbsent(source, this::compile);
    }

    private Loaded compile(SpecSource source) {
        Optional<SourceFile> file = source.read();
        if (file.isEmpty()) {
            return new Loaded(Optional.empty(), List.of(source.displayName() + ": cannot read the spec file"));
        }
        CompileResult result = compiler.compile(file.get());
        List<String> rendered = result.diagnostics().stream().map(d -> render(d, file.get())).toList();
        return new Loaded(result.spec(), rendered);
    }

    private static String render(Diagnostic diagnostic, SourceFile file) {
        return diagnostic.render(file);
    }
}
