package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;
import org.uapispec.engine.execution.Failure;

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
        String kind = Failure.of(failure).orElseThrow().kind().name();
        assertThat(Categories.classify(status, kind)).extracting(Category::name).containsExactly(category);
    }

    @Test
    void theTraceRegexOfEachCategoryMatchesItsKindsMarkerAndNoOtherCategoryOfTheSameStatus() {
        for (Category category : Categories.ALL) {
            for (String status : category.matchedStatuses()) {
                for (String kind : category.kinds()) {
                    for (String trace : List.of(Category.marker(kind), "java.lang.Error: x\n\tat y\n" + Category.marker(kind))) {
                        assertThat(Categories.ALL.stream()
                                .filter(c -> c.matchedStatuses().contains(status) && trace.matches(c.traceRegex())))
                                .as(status + " " + trace).extracting(Category::name).containsExactly(category.name());
                    }
                }
            }
        }
        for (Failure.Kind kind : Failure.Kind.values()) {
            assertThat(Categories.ALL.stream().filter(c -> c.kinds().contains(kind.name())).count())
                    .as("categories of " + kind).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"failed", "broken"})
    void anythingElseStillHasACategory(String status) {
        String expected = status.equals("failed") ? Categories.FEATURE_FAILURES : Categories.BROKEN;
        assertThat(Categories.classify(status, Failure.of(new AssertionFailedError("expected 1 but was 2"))
                .map(f -> f.kind().name()).orElse(Categories.NO_KIND)))
                .extracting(Category::name).containsExactly(expected);
        assertThat(Categories.classify("passed", "anything")).isEmpty();
    }
}
