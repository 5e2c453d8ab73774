package org.uapispec.engine;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The pattern engine/README.md documents: Surefire hands only class selectors to engines, so a
 * {@code @Suite} class selects the spec resources and includes the uapispec engine. Surefire runs
 * the good fixtures through it as part of this module's build.
 */
@Suite(failIfNoTests = false) // tag filters such as -Dgroups=userptr may leave it empty
@IncludeEngines("uapispec")
@SelectPackages("good")
class GoodSpecsSuite {
}
