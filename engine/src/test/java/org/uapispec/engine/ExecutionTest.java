package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

class ExecutionTest {

    static Events run(DiscoverySelector... selectors) {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID).selectors(selectors).execute().testEvents();
    }

    @Test
    void goodSpecsPassOnEveryProfile() {
        run(selectPackage("good")).assertStatistics(stats -> stats.started(9).succeeded(9).failed(0));
    }

    @Test
    void perProfileExpectationsAreCheckedOnTheirProfile() {
        run(selectClasspathResource("good/per-profile.uapi")).assertStatistics(stats -> stats.succeeded(4));
    }

    /**
     * Each example file of the guide (grammar/README.md: {@code fails} in section 3, nested calls in
     * section 2, constants and per-profile outcomes in loop rows in section 5, named constants, raw
     * descriptors, requirements, retry, ranges, indexed bindings, struct fields in section 2) is in the README word for word, and its scenarios all
     * pass on every profile, but those a requirement skips, which are counted as skipped (aborted).
     */
    @ParameterizedTest(name = "{0}: {1} tests pass, {2} are skipped")
    @CsvSource({
        "any-errno.uapi, 2, 0",
        "named-constants.uapi, 1, 0",
        "raw-descriptors.uapi, 4, 0",
        "row-symbols.uapi, 1, 0",
        "nested-calls.uapi, 2, 0",
        "row-profiles.uapi, 3, 0",
        "requirements.uapi, 1, 1",
        "retry.uapi, 6, 0",
        "ranges.uapi, 4, 0",
        "repetition.uapi, 2, 0",
        "struct-fields.uapi, 1, 0",
    })
    void theGuidesExamplesAreInItAndPass(String file, int tests, int skipped) throws java.io.IOException {
        String example = new String(getClass().getResourceAsStream("/guide/" + file).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(
                "../grammar/README.md"))).contains(example);
        run(selectClasspathResource("guide/" + file))
                .assertStatistics(stats -> stats.succeeded(tests).aborted(skipped).failed(0));
    }

    @Test
    void aStepCaseThatNamesTheColumnTakesTheRowsCaseForItsProfile() {
        run(selectClasspathResource("outcomes/row-block-in-step-case.uapi"))
                .assertStatistics(stats -> stats.succeeded(3).failed(0));
    }

    @Test
    void failsIsNeitherSuccessNorASignal() {
        Events events = run(selectClasspathResource("outcomes/fails-is-no-success.uapi"));
        events.assertStatistics(stats -> stats.failed(2));
        events.assertThatEvents().haveExactly(1, event(test("a call that succeeds"), finishedWithFailure(
                instanceOf(ScenarioFailure.StepFailure.class),
                message(m -> m.contains("outcomes/fails-is-no-success.uapi:7:5") && m.contains("expected: fails")
                        && m.contains("actual:   ok")))));
        events.assertThatEvents().haveExactly(1, event(test("an access that faults"), finishedWithFailure(
                instanceOf(ScenarioFailure.StepFailure.class),
                message(m -> m.contains("expected: fails") && m.contains("actual:   SIGSEGV")))));
    }

    /** A divisor computed as 0 at run time stops the scenario at its step, with the compile error's words. */
    @Test
    void aDivisorComputedAsZeroFailsItsStep() {
        Events events = run(selectClasspathResource("outcomes/division-by-zero.uapi"));
        events.assertStatistics(stats -> stats.failed(1));
        events.assertThatEvents().haveExactly(1, event(test("dividing by the difference"), finishedWithFailure(
                instanceOf(ScenarioFailure.StepFailure.class),
                message(m -> m.contains("step at outcomes/division-by-zero.uapi:9:5 on generic")
                        && m.contains("FAIL outcomes/division-by-zero.uapi:9:5  check h.size / (h.size - h.size) == 1"
                                + "  -> division by zero")))));
    }

    @Test
    void aWrongExpectationNamesTheStepLineExpectedAndActual() {
        Events events = run(selectClasspathResource("failing/wrong-errno.uapi"));
        events.assertStatistics(stats -> stats.failed(1));
        events.assertThatEvents().haveExactly(1, event(test("closing twice"), finishedWithFailure(
                instanceOf(ScenarioFailure.StepFailure.class),
                message(m -> m.contains("failing/wrong-errno.uapi:9:5")
                        && m.contains("expected: ENOENT")
                        && m.contains("actual:   EINVAL")
                        && m.contains("steps run:")
                        && m.contains("device state:")))));
    }

    @Test
    void aByteStringPastTheLimitAtRunTimeIsAStepFailureAtItsStep() {
        Events events = run(selectClasspathResource("limits/long-repeat.uapi"));
        events.assertStatistics(stats -> stats.failed(1));
        events.assertThatEvents().haveExactly(1, event(test("a 2 GiB string from an object's size"),
                finishedWithFailure(instanceOf(ScenarioFailure.StepFailure.class), message(m -> m.startsWith(
                        "step at limits/long-repeat.uapi:9:5 on i915: write(p, a, \"abc\" * h.size)\n"
                        + "  repeating 3 bytes 2147483648 times exceeds the 16 MiB limit on byte strings\n"
                        + "steps run:")))));
    }

    @Test
    void aValueTooWideForAnObservationFailsTheCheckAtItsStep() {
        Events events = run(selectClasspathResource("limits/wide-observation.uapi"));
        events.assertThatEvents().haveExactly(1, event(test("valid of a 33-bit handle"),
                finishedWithFailure(instanceOf(ScenarioFailure.StepFailure.class), message(m -> m.startsWith(
                        "step at limits/wide-observation.uapi:7:5 on generic: check !valid(f, 0x100000001)\n"
                        + "  0x100000001 does not fit")))));
    }

    @Test
    void aStepFailureIsAnAssertionWithExpectedAndActualValues() {
        Events events = run(selectClasspathResource("failing/wrong-errno.uapi"));
        Throwable failure = events.failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        AssertionFailedError assertion = (AssertionFailedError) failure;
        assertThat(assertion.getExpected().getStringRepresentation()).isEqualTo("ENOENT");
        assertThat(assertion.getActual().getStringRepresentation()).startsWith("EINVAL");
    }

    @Test
    void anInvariantViolationIsReportedAfterTheStepThatBrokeIt() {
        run(selectClasspathResource("failing/invariant.uapi")).assertThatEvents().haveExactly(1,
                event(test(), finishedWithFailure(instanceOf(ScenarioFailure.InvariantViolation.class),
                        message(m -> m.contains("invariant 'at_most_one_object'")
                                && m.contains("after the step at failing/invariant.uapi:13:5")))));
    }

    @Test
    void observationsAskAForkedChildOnceTheOpenerHasExited() {
        run(selectClasspathResource("lineage/observe-after-exit.uapi"))
                .assertStatistics(stats -> stats.started(2).succeeded(2).failed(0));
    }

    @Test
    void aBrokenSpecFailsWithItsDiagnosticsAndTheOthersStillRun() {
        Events events = run(selectClasspathResource("bad/broken.uapi"), selectClasspathResource("good/single.uapi"));
        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, event(test(), finishedWithFailure(
                instanceOf(SpecCompileError.class),
                message(m -> m.contains("bad/broken.uapi:4:7: error:") && m.contains("^")))));
    }
}
