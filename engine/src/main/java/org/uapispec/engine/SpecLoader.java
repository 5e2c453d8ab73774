package org.uapispec.engine;

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
    private final Map<SpecSource, Future<Loaded>> compiling = new ConcurrentHashMap<>();
    private final int parallelism;
    private ExecutorService pool;

    /** @param parallelism how many threads compile ahead ({@link #compileAhead}); 1 compiles on first use */
    SpecLoader(int parallelism) {
        this.parallelism = parallelism;
    }

    /** Whether {@link #compileAhead} compiles on other threads. */
    boolean compilesAhead() {
        return parallelism > 1;
    }

    /**
     * Starts compiling {@code source} on a compiling thread, if it is not started yet; {@link #load}
     * then waits for it. Does nothing when the loader compiles one by one.
     */
    synchronized void compileAhead(SpecSource source) {
        if (!compilesAhead() || cache.containsKey(source) || compiling.containsKey(source)) {
            return;
        }
        if (pool == null) {
            ClassLoader resources = Thread.currentThread().getContextClassLoader();
            pool = Executors.newFixedThreadPool(parallelism, task -> {
                Thread thread = new Thread(task, "uapispec-compile");
                thread.setDaemon(true);
                thread.setContextClassLoader(resources); // SpecSource.Resource reads through it
                return thread;
            });
        }
        compiling.put(source, pool.submit(() -> compile(source)));
    }

    /** Whether {@link #load} has returned {@code source} before. */
    /** Whether any spec file was loaded: the request selected specs. */
    boolean loadedAny() {
        return !cache.isEmpty();
    }

    boolean isLoaded(SpecSource source) {
        return cache.containsKey(source);
    }

    /** The compiled spec: compiled ahead (waiting for it), cached, or compiled now. */
    Loaded load(SpecSource source) {
        Loaded loaded = cache.get(source);
        if (loaded != null) {
            return loaded;
        }
        Future<Loaded> ahead = compiling.get(source);
        if (ahead != null) {
            loaded = await(ahead);
        }
        if (loaded == null) {
            // Compiled outside the map's lock, so that threads compiling other files never wait on it.
            loaded = compile(source);
        }
        Loaded first = cache.putIfAbsent(source, loaded);
        return first == null ? loaded : first;
    }

    /** The result compiled ahead, or null when that failed: the caller compiles again and meets the failure. */
    private static Loaded await(Future<Loaded> ahead) {
        try {
            return ahead.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Stops the compiling threads; discovery calls it when it is done. */
    synchronized void close() {
        if (pool != null) {
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
