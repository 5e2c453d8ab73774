package org.uapispec.specs;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The conformance suite: every {@code .uapi} file under {@code src/main/resources/specs/} (the module
 * ships them as its jar), run by the uapispec engine. Surefire hands only class selectors to engines, so this {@code @Suite} class is
 * how {@code mvn verify} reaches the specs; {@code -Dgroups=userptr} filters by spec tag.
 */
@Suite
@IncludeEngines("uapispec")
@SelectPackages("specs")
class ConformanceSuite {
}
