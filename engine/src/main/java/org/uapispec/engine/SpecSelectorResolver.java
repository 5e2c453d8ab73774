package org.uapispec.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.support.discovery.SelectorResolver.Resolution.unresolved;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.commons.io.ResourceFilter;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.discovery.SelectorResolver;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * Resolves selectors to spec, scenario and run descriptors (a profile on the model, or on a kernel). A spec selects its scenarios through
 * unique-id selectors, so that a file selected whole and a line selected in it meet in one tree.
 *
 * <p>Spec files compile in parallel within the platform's own resolution: a selector that names a
 * spec starts compiling it on another thread and resolves to a {@link Compiled} selector in its
 * place. The platform resolves selectors in the order it queues them, so every spec the request
 * names (through files, directories, resources, packages, classpath roots or unique ids) starts
 * compiling before the first {@code Compiled} selector waits for its result; what is discovered, its
 * order and its ids are those of compiling one by one.
 */
final class SpecSelectorResolver implements SelectorResolver {
    static final String EXTENSION = ".uapi";
    /** Classpath resources that are spec files, for package and classpath-root selectors. */
    static final ResourceFilter SPEC_RESOURCES = ResourceFilter.of(resource -> resource.getName().endsWith(EXTENSION));

    private final UniqueId engineId;
    private final SpecLoader loader;
    private final Targets targets;
    private final DiscoveryIssueReporter issues;

    /**
     * @param engineId the engine descriptor's id: the root on its own, nested under a suite's id when
     *                 the engine runs inside {@code @Suite}
     * @param issues   where the warnings of the specs that compile go; it should drop duplicates, since
     *                 a spec selected twice (a file and a line in it) is loaded twice
     */
    SpecSelectorResolver(UniqueId engineId, SpecLoader loader, Targets targets, DiscoveryIssueReporter issues) {
        this.engineId = engineId;
        this.loader = loader;
        this.targets = targets;
        this.issues = issues;
    }

    /** A selector whose spec compiles on another thread; resolved once the selectors queued before it are. */
    record Compiled(DiscoverySelector selector) implements DiscoverySelector {
    }

    /**
     * The spec or scenario a scenario or profile run is added to. Not a unique-id selector: the
     * platform remembers what each selector resolved to, and a unique-id selector that was deferred as
     * {@link Compiled} resolved to no descriptor.
     */
    record Parent(UniqueId id) implements DiscoverySelector {
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String name = selector.getClasspathResourceName();
        return name.endsWith(EXTENSION) ? afterCompiling(new SpecSource.Resource(name), selector, context) : unresolved();
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        return selector.getRawPath().endsWith(EXTENSION)
                ? afterCompiling(new SpecSource.File(selector.getPath()), selector, context)
                : unresolved();
    }

    @Override
    public Resolution resolve(DiscoverySelector selector, Context context) {
        if (selector instanceof Parent parent) {
            return resolveId(parent.id(), context);
        }
        return selector instanceof Compiled compiled ? resolveNow(compiled.selector(), context) : unresolved();
    }

    /**
     * Resolves now when the loader compiles one by one or has loaded {@code source} already (a spec's
     * own scenarios, a second selector in one file); otherwise starts compiling {@code source} and
     * hands the platform a {@link Compiled} selector to resolve after the ones it has queued.
     */
    private Resolution afterCompiling(SpecSource source, DiscoverySelector selector, Context context) {
        if (!loader.compilesAhead() || loader.isLoaded(source)) {
            return resolveNow(selector, context);
        }
        loader.compileAhead(source);
        return Resolution.selectors(Set.of(new Compiled(selector)));
    }

    /** A file, resource or unique-id selector, resolved with its spec compiled. */
    private Resolution resolveNow(DiscoverySelector selector, Context context) {
        if (selector instanceof FileSelector file) {
            return resolveSpec(new SpecSource.File(file.getPath()), file.getPosition(), context);
        }
        if (selector instanceof ClasspathResourceSelector resource) {
            return resolveSpec(new SpecSource.Resource(resource.getClasspathResourceName()), resource.getPosition(),
                    context);
        }
        return selector instanceof UniqueIdSelector uniqueId ? resolveId(uniqueId.getUniqueId(), context) : unresolved();
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        Set<DiscoverySelector> selectors = specFiles(selector.getPath()).stream()
                .map(p -> selectFile(p.toFile()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return selectors.isEmpty() ? unresolved() : Resolution.selectors(selectors);
    }

    /** The spec files under {@code dir}, sorted by path; none when the directory cannot be read. */
    static List<Path> specFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files
                    .filter(p -> p.getFileName().toString().endsWith(EXTENSION) && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId id = selector.getUniqueId();
        if (!id.hasPrefix(engineId) || id.equals(engineId)) {
            return unresolved();
        }
        return specOf(id).map(source -> afterCompiling(source, selector, context)).orElse(unresolved());
    }

    /** The spec a unique id below the engine's names in its first segment. */
    private Optional<SpecSource> specOf(UniqueId id) {
        return SpecSource.fromSegment(id.getSegments().get(engineId.getSegments().size()));
    }

    /** A spec's, a scenario's or a profile run's unique id, resolved with the spec compiled. */
    private Resolution resolveId(UniqueId id, Context context) {
        // The segments below the engine: spec, then scenario, then profile.
        List<UniqueId.Segment> segments = id.getSegments().subList(engineId.getSegments().size() - 1,
                id.getSegments().size());
        Optional<SpecSource> source = specOf(id);
        if (source.isEmpty()) {
            return unresolved();
        }
        if (segments.size() == 2) {
            return resolveSpec(source.get(), Optional.empty(), context);
        }
        SpecLoader.Loaded loaded = load(source.get());
        Optional<SpecModel> spec = loaded.model();
        UniqueId.Segment scenarioSegment = segments.get(2);
        if (spec.isEmpty() || !scenarioSegment.getType().equals(ScenarioDescriptor.SEGMENT)) {
            return unresolved();
        }
        Optional<Scenario> scenario = loaded.scenario(scenarioSegment.getValue());
        if (scenario.isEmpty() || !targets.runsAny(scenario.get())) {
            return unresolved();
        }
        if (segments.size() == 3) {
            return resolveScenario(id, source.get(), spec.get(), scenario.get(), context);
        }
        UniqueId.Segment run = segments.get(3);
        if (segments.size() == 4) {
            return resolveRun(id, source.get(), spec.get(), scenario.get(), run, context);
        }
        return unresolved();
    }

    /**
     * Loads a spec and reports its warnings as discovery issues, so that launchers, IDEs and build
     * tools show them with their position (and {@code junit.platform.discovery.issue.severity.critical=WARNING}
     * makes them fail the run). Errors are not issues: a spec that does not compile is a failing test.
     */
    private SpecLoader.Loaded load(SpecSource source) {
        SpecLoader.Loaded loaded = loader.load(source);
        for (SpecLoader.Warning warning : loaded.warnings()) {
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, warning.rendered())
                    .source(source.at(warning.pos())));
        }
        return loaded;
    }

    private Resolution resolveSpec(SpecSource source, Optional<FilePosition> position, Context context) {
        SpecLoader.Loaded loaded = load(source);
        if (loaded.model().isEmpty()) {
            return context.addToParent(parent -> Optional.of(
                            new BrokenSpecDescriptor(parent.getUniqueId(), source, loaded.diagnostics())))
                    .map(d -> Resolution.match(Match.exact(d)))
                    .orElse(unresolved());
        }
        SpecModel model = loaded.model().get();
        List<Scenario> chosen = position.map(p -> scenariosAt(model, p.getLine())).orElse(model.scenarios());
        return context.addToParent(parent -> Optional.of(new SpecDescriptor(parent.getUniqueId(), source, model)))
                .map(d -> Resolution.match(Match.exact(d, () -> children(chosen.stream()
                        .filter(targets::runsAny)
                        .map(s -> d.getUniqueId().append(ScenarioDescriptor.SEGMENT, s.title()))))))
                .orElse(unresolved());
    }

    private Resolution resolveScenario(UniqueId id, SpecSource source, SpecModel spec, Scenario scenario,
            Context context) {
        return context.addToParent(() -> new Parent(id.removeLastSegment()),
                        parent -> Optional.of(new ScenarioDescriptor(parent.getUniqueId(), source, spec, scenario,
                                targets.of(scenario), targets.isSingleTest(scenario))))
                .map(d -> Resolution.match(Match.exact(d, () -> d.singleTest() ? Set.of()
                        : children(d.targets().stream().map(t -> Targets.idOf(d.getUniqueId(), t))))))
                .orElse(unresolved());
    }

    /** A profile run's or a kernel run's unique id, below a scenario that is not its own single test. */
    private Resolution resolveRun(UniqueId id, SpecSource source, SpecModel spec, Scenario scenario,
            UniqueId.Segment run, Context context) {
        if (targets.isSingleTest(scenario)) {
            return unresolved();
        }
        Optional<Target> target = targets.named(scenario, run.getType(), run.getValue());
        if (target.isEmpty()) {
            return unresolved();
        }
        return context.addToParent(() -> new Parent(id.removeLastSegment()),
                        parent -> Optional.of(new ProfileDescriptor(parent.getUniqueId(), source, spec, scenario,
                                target.get())))
                .map(d -> Resolution.match(Match.exact(d)))
                .orElse(unresolved());
    }

    private static Set<DiscoverySelector> children(Stream<UniqueId> ids) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        ids.forEach(id -> selectors.add(selectUniqueId(id)));
        return selectors;
    }

    /**
     * The scenario a line belongs to: the last one declared at or before it. A line above the first
     * scenario (the spec header, setup, invariants) selects the whole file.
     */
    static List<Scenario> scenariosAt(SpecModel model, int line) {
        Scenario found = null;
        for (Scenario scenario : model.scenarios()) {
            if (scenario.pos().line() <= line && (found == null || scenario.pos().line() >= found.pos().line())) {
                found = scenario;
            }
        }
        return found == null ? model.scenarios() : List.of(found);
    }
}
