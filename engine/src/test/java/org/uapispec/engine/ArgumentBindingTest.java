package org.uapispec.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.Events;

/**
 * Issue 14, item 2, through a spec run: argument values reach the backend whole, and a value that
 * does not fit its 32-bit field fails the step with a message that names it, instead of being cut.
 */
class ArgumentBindingTest {

    @Test
    @DisplayName("64-bit arguments keep their high bits and get the kernel's answer")
    void faithfulArgumentsPass() {
        ExecutionTest.run(selectClasspathResource("arguments/faithful.uapi"))
                .assertStatistics(stats -> stats.started(6).succeeded(6).failed(0));
    }

    @Test
    @DisplayName("a value that does not fit a 32-bit field fails its step, naming argument, value and field")
    void valuesThatDoNotFitFailTheStep() {
        Events events = ExecutionTest.run(selectClasspathResource("arguments/refused.uapi"));
        events.assertStatistics(stats -> stats.started(6).failed(6));
        expectFailure(events, "a pad beyond 32 bits",
                "argument 'pad' = 0x100000000 does not fit the __u32 field of DRM_IOCTL_GEM_CLOSE");
        expectFailure(events, "a handle beyond 32 bits",
                "argument 'handle' = 0x100000001 does not fit the __u32 field of DRM_IOCTL_GEM_CLOSE");
        expectFailure(events, "a whence beyond 32 bits",
                "argument 'whence' = 0x100000002 does not fit the unsigned int argument of lseek");
        expectFailure(events, "a uid beyond 32 bits",
                "argument 'uid' = 0x100000000 does not fit the uid_t argument of spawn");
        expectFailure(events, "a flink name beyond 32 bits",
                "argument 'name' = 0x100000000 does not fit the __u32 field of DRM_IOCTL_GEM_OPEN");
        expectFailure(events, "a huge read that does not fault",
                "refused: a read of 33554432 bytes is more than the 16777216 bytes a backend carries");
    }

    private static void expectFailure(Events events, String scenario, String text) {
        events.assertThatEvents().haveExactly(1, event(test(scenario), finishedWithFailure(
                instanceOf(ScenarioFailure.StepFailure.class), message(m -> m.contains(text)))));
    }
}
