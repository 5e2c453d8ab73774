package org.uapispec.engine;

import org.uapispec.grammar.model.Scenario;

/**
 * The display names of tests. A test is named by its spec file, its scenario and what it ran on
 * ({@code specs/gem/handles.uapi: closed numbers are reused [i915]}, or
 * {@code [generic on Linux 6.1.192-3 (6.1.0-57-amd64)]} on a kernel), so that the name alone says
 * what it is in every report, flat ones included: Surefire names a test by its display name under
 * the suite class, and takes tests of one name for reruns of one test.
 */
final class TestNames {
    private TestNames() {
    }

    static String of(SpecSource source, Scenario scenario, Target target) {
        return source.testName() + ": " + scenario.title() + " [" + target.label() + "]";
    }
}
