package org.uapispec.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.api.FailureKind;

/** Each kind of failure the engine reports lands in its own category, and in no earlier one. */
class CategoriesTest {

    /**
     * Each kind the engine writes, with the status Allure gives its results, lands in its own
     * category. The engine's side (which spec failure gets which kind and status) is tested with its
     * Allure listener; the kinds are one enum of the api, so neither side can name one the other lacks.
     */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "failed, ERRNO_MISMATCH, " + Categories.ERRNO_MISMATCHES,
        "failed, CHECK_FAILED, " + Categories.CHECK_FAILURES,
        "failed, INVARIANT_VIOLATED, " + Categories.INVARIANT_VIOLATIONS,
        "failed, REFUSED_VALUE, " + Categories.REFUSED_VALUES,
        "failed, COMPILE_ERROR, " + Categories.COMPILE_ERRORS,
        "broken, COMPILE_ERROR, " + Categories.COMPILE_ERRORS,
        "broken, INTERNAL_ERROR, " + Categories.BROKEN})
    void everyFailureKindFallsIntoItsCategory(String status, FailureKind kind, String category) {
        assertThat(Categories.classify(status, kind.name())).extracting(Category::name).containsExactly(category);
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
        for (FailureKind kind : FailureKind.values()) {
            assertThat(Categories.ALL.stream().filter(c -> c.kinds().contains(kind.name())).count())
                    .as("categories of " + kind).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"failed", "broken"})
    void anythingElseStillHasACategory(String status) {
        String expected = status.equals("failed") ? Categories.FEATURE_FAILURES : Categories.BROKEN;
        assertThat(Categories.classify(status, Categories.NO_KIND))
                .extracting(Category::name).containsExactly(expected);
        assertThat(Categories.classify("passed", "anything")).isEmpty();
    }
}
