package org.uapispec.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every feature under {@code src/main/resources/features} (shipped as the module's jar) with the Cucumber engine. Surefire
 * hands engines only class selectors, so this suite turns its class into a selection of the
 * {@code features} package (Cucumber finds the {@code .feature} files there on the classpath); the
 * glue, plugins and object factory are set in {@code junit-platform.properties}.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
public class RunFeaturesTest {
}
