package org.uapispec.engine;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.commons.io.Resource;
import org.junit.platform.commons.support.ResourceSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;

/**
 * Compiles the spec files a discovery request names on several threads before the platform resolves
 * the request's selectors one at a time; the resolver then finds each spec compiled in the {@link
 * SpecLoader}. Only the compiling runs in parallel: what is discovered, its order and its ids are
 * the same with any {@link Constants#DISCOVERY_PARALLELISM}.
 */
final class SpecPrefetch {
    private SpecPrefetch() {
    }

    /** Compiles every spec the request selects, on up to {@code parallelism} threads. */
    static void compile(EngineDiscoveryRequest request, SpecLoader loader, int parallelism) {
        if (parallelism > 1) {
            loader.loadAll(sources(request), parallelism);
        }
    }

    /** The spec files and resources the request's file, directory, resource, package and root selectors name. */
    static Set<SpecSource> sources(EngineDiscoveryRequest request) {
        Set<SpecSource> sources = new LinkedHashSet<>();
        for (FileSelector selector : request.getSelectorsByType(FileSelector.class)) {
            if (selector.getRawPath().endsWith(SpecSelectorResolver.EXTENSION)) {
                sources.add(new SpecSource.File(selector.getPath()));
            }
        }
        for (DirectorySelector selector : request.getSelectorsByType(DirectorySelector.class)) {
            SpecSelectorResolver.specFiles(selector.getPath()).forEach(path -> sources.add(new SpecSource.File(path)));
        }
        for (ClasspathResourceSelector selector : request.getSelectorsByType(ClasspathResourceSelector.class)) {
            if (selector.getClasspathResourceName().endsWith(SpecSelectorResolver.EXTENSION)) {
                sources.add(new SpecSource.Resource(selector.getClasspathResourceName()));
            }
        }
        for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
            for (Resource resource : ResourceSupport.findAllResourcesInPackage(selector.getPackageName(), SpecSelectorResolver.SPEC_RESOURCES)) {
                sources.add(new SpecSource.Resource(resource.getName()));
            }
        }
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            for (Resource resource : ResourceSupport.findAllResourcesInClasspathRoot(selector.getClasspathRoot(), SpecSelectorResolver.SPEC_RESOURCES)) {
                sources.add(new SpecSource.Resource(resource.getName()));
            }
        }
        return sources;
    }
}
