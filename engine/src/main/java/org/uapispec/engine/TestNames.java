package org.uapispec.engine;

import org.uapispec.grammar.model.Scenario;

/**
 * The display names of tests. A test is named by its spec file, its scenario and its profile
 * ({@code specs/gem/handles.uapi: closed numbers are reused [i915]}), so that the name alone says
 * what it is in every report, flat ones included: Surefire names a test by its display name under
 * the suite class, and takes tests of one name for reruns of one test.
 */
final class TestNames {
    private TestNames() {
    }

    static String of(SpecSource source, Scenario scenario, String profile) {
        return source.testName() + ": " + scenario.title() + " [" + profile + "]";
    }
}
