package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** Each kind of failure the engine reports lands in its own category, and in no earlier one. */
class CategoriesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "categories/errno.uapi, " + Categories.ERRNO_MISMATCHES,
        "categories/check.uapi, " + Categories.CHECK_FAILURES,
        "categories/invariant.uapi, " + Categories.INVARIANT_VIOLATIONS,
        "categories/refused.uapi, " + Categories.REFUSED_VALUES,
        "categories/broken.uapi, " + Categories.COMPILE_ERRORS})
    void engineFailuresFallIntoTheirCategory(String spec, String category) {
        Throwable failure = EngineTestKit.engine("uapispec").selectors(selectClasspathResource(spec))
                .execute().testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        // Allure marks assertion errors "failed" and any other throwable "broken".
        String status = failure instanceof AssertionError ? "failed" : "broken";
        assertThat(Categories.classify(status, failure.getMessage())).extracting(Category::name)
                .containsExactly(category);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"failed", "broken"})
    void anythingElseStillHasACategory(String status) {
        String expected = status.equals("failed") ? Categories.FEATURE_FAILURES : Categories.BROKEN;
        assertThat(Categories.classify(status, new AssertionFailedError("expected 1 but was 2").getMessage()))
                .extracting(Category::name).containsExactly(expected);
        assertThat(Categories.classify("passed", "anything")).isEmpty();
    }
}
