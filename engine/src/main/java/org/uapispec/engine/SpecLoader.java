package org.uapispec.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.uapispec.grammar.CompileResult;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.source.SourceFile;
import org.uapispec.grammar.source.SourcePos;

/** Reads and compiles each spec source once per discovery; safe to use from several threads. */
final class SpecLoader {

    /**
     * A compiled spec with the warnings it compiled with, or the rendered diagnostics (errors and
     * warnings) of a spec that did not compile; with its scenarios by title: discovery resolves every
     * scenario of a spec by its title.
     */
    record Loaded(Optional<SpecModel> model, List<String> diagnostics, List<Warning> warnings,
            Map<String, Scenario> byTitle) {
        Loaded(Optional<SpecModel> model, List<String> diagnostics, List<Warning> warnings) {
            this(model, diagnostics, warnings, byTitle(model));
        }

        static Loaded broken(String diagnostic) {
            return new Loaded(Optional.empty(), List.of(diagnostic), List.of());
        }

        Optional<Scenario> scenario(String title) {
            return Optional.ofNullable(byTitle.get(title));
        }

        private static Map<String, Scenario> byTitle(Optional<SpecModel> model) {
            Map<String, Scenario> byTitle = new HashMap<>();
            model.ifPresent(spec -> spec.scenarios().forEach(s -> byTitle.putIfAbsent(s.title(), s)));
            return byTitle;
        }
    }

    private final SpecCompiler compiler = new SpecCompiler();
    private final Map<SpecSource, Loaded> cache = new ConcurrentHashMap<>();

    Loaded load(SpecSource source) {
        Loaded loaded = cache.get(source);
        if (loaded == null) {
            // Compiled outside the map's lock, so that threads compiling other files never wait on it.
            loaded = compile(source);
            Loaded first = cache.putIfAbsent(source, loaded);
            return first == null ? loaded : first;
        }
        return loaded;
    }

    /**
     * Loads every source on up to {@code parallelism} threads. A failure here is left for the
     * sequential {@link #load} that follows, which meets it again and reports it as usual.
     */
    void loadAll(Collection<SpecSource> sources, int parallelism) {
        if (sources.size() < 2) {
            return;
        }
        ClassLoader resources = Thread.currentThread().getContextClassLoader();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, sources.size()), task -> {
            Thread thread = new Thread(task, "uapispec-compile");
            thread.setDaemon(true);
            thread.setContextClassLoader(resources); // SpecSource.Resource reads through it
            return thread;
        });
        try {
            List<Future<Loaded>> pending = new ArrayList<>();
            for (SpecSource source : sources) {
                pending.add(pool.submit(() -> load(source)));
            }
            for (Future<Loaded> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // see above: the sequential load reports it
        } finally {
            pool.shutdownNow();
        }
    }

    /** A warning of a spec that compiled: where it is, and its rendered text with the caret line. */
    record Warning(SourcePos pos, String rendered) {
    }

    private Loaded compile(SpecSource source) {
        Optional<SourceFile> file = source.read();
        if (file.isEmpty()) {
            return Loaded.broken(source.displayName() + ": cannot read the spec file");
        }
        // The compiler never throws: a failure of its own is a positioned error like any other.
        CompileResult result = compiler.compile(file.get());
        if (result.spec().isPresent()) {
            // A spec that compiled carries warnings only; they become discovery issues.
            List<Warning> warnings = result.diagnostics().stream()
                    .map(d -> new Warning(d.pos(), d.render(file.get()))).toList();
            return new Loaded(result.spec(), List.of(), warnings);
        }
        List<String> rendered = result.diagnostics().stream().map(d -> d.render(file.get())).toList();
        return new Loaded(Optional.empty(), rendered, List.of());
    }
}
