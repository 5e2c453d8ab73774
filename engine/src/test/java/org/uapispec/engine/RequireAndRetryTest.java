package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Backend;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.SpecModel;

/**
 * {@code require} skips a run with its reason and nothing after it runs; {@code retry} makes an
 * ioctl again while it answers EINTR or EAGAIN, and the trace says what it answered before.
 */
class RequireAndRetryTest {
    private static final String SPEC = String.join("\n",
            "spec \"require and retry\" {",
            "  profiles [generic]",
            "  scenario \"a requirement that does not hold\" {",
            "    p = spawn()",
            "    f = open(p)",
            "    require gem_close(f, 42)",
            "    gem_close(f, 43)",
            "  }",
            "  scenario \"a condition that does not hold\" {",
            "    p = spawn()",
            "    f = open(p)",
            "    h = dumb_create(f, width: 64, height: 64, bpp: 32)",
            "    require h.size == 1",
            "  }",
            "  scenario \"a retried close\" {",
            "    p = spawn()",
            "    f = open(p)",
            "    retry gem_close(f, 42) -> EINVAL",
            "  }",
            "  scenario \"every ioctl retried\" {",
            "    retry [EINTR]",
            "    p = spawn()",
            "    f = open(p)",
            "    gem_close(f, 42) -> EINVAL",
            "  }",
            "  scenario \"a call nested in a requirement is a requirement\" {",
            "    p = spawn()",
            "    f = open(p)",
            "    require get_cap(f, DUMB_BUFFER) == 1",
            "  }",
            "}");

    private static final String SETUP = String.join("\n",
            "spec \"setup\" {",
            "  profiles [generic]",
            "  setup {",
            "    p = spawn()",
            "    f = open(p)",
            "    for i in 0 .. 3 {",
            "      h[i] = dumb_create(f, width: 64, height: 64, bpp: 32)",
            "    }",
            "    require h[2].size == 16384",
            "  }",
            "  scenario \"the setup's indexed bindings are the scenario's\" {",
            "    for i in 0 .. 3 {",
            "      gem_close(f, h[i])",
            "    }",
            "  }",
            "}");

    private static final SpecModel MODEL = SpecCompiler.modelOrThrow(new SpecCompiler().compile("rr.uapi", SPEC));

    /** The reference device, except that the first {@code failures} ioctls answer {@code errno}. */
    private static Backend failingFirst(int failures, Errno errno, AtomicInteger ioctls) {
        Backend device = new ReferenceDevice(Profiles.GENERIC);
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("ioctl") && ioctls.incrementAndGet() <= failures) {
                        return Outcome.err(errno);
                    }
                    try {
                        return method.invoke(device, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static ScenarioRun run(int scenario, Backend backend) {
        return ScenarioRun.on(MODEL, MODEL.scenarios().get(scenario), "generic", backend);
    }

    @Test
    void anUnmetRequirementSkipsTheRunWithWhereWhatAndWhy() {
        AtomicInteger ioctls = new AtomicInteger();
        assertThatThrownBy(run(0, failingFirst(0, Errno.EINTR, ioctls))::run)
                .isInstanceOf(RequirementUnmet.class)
                .hasMessage("requirement not met on generic: require gem_close(f, 42) (rr.uapi:6:5) expects ok, got"
                        + " EINVAL (22, invalid argument)");
        assertThat(ioctls).as("the step after the requirement does not run").hasValue(1);
    }

    @Test
    void aFalseConditionSkipsTheRunWithTheValuesItCompared() {
        assertThatThrownBy(run(1, new ReferenceDevice(Profiles.GENERIC))::run)
                .isInstanceOf(RequirementUnmet.class)
                .hasMessageStartingWith("requirement not met on generic: require h.size == 1 (rr.uapi:13:5) is false")
                .hasMessageContaining("16384");
    }

    @Test
    void aCallNestedInARequirementSkipsTheRunWhenItFails() {
        assertThatThrownBy(run(4, new ReferenceDevice(Profiles.GENERIC))::run)
                .isInstanceOf(RequirementUnmet.class)
                .hasMessage("requirement not met on generic: get_cap(f, DUMB_BUFFER) (rr.uapi:29:13) expects ok, got"
                        + " EOPNOTSUPP (95, operation not supported)");
    }

    @Test
    void aSetupsRequirementAndIndexedBindingsHoldForItsScenarios() {
        SpecModel model = SpecCompiler.modelOrThrow(new SpecCompiler().compile("setup.uapi", SETUP));
        Trace trace = ScenarioRun.on(model, model.scenarios().get(0), "generic", new ReferenceDevice(Profiles.GENERIC))
                .run();
        assertThat(trace.render()).contains("require h[2].size == 16384  -> true")
                .contains("gem_close(f, h[i]) [i = 2]  -> ok");
    }

    @Test
    void aRetriedCallIsMadeAgainWhileItAnswersEagainAndTheTraceSaysSo() {
        AtomicInteger ioctls = new AtomicInteger();
        Trace trace = run(2, failingFirst(3, Errno.EAGAIN, ioctls)).run();
        assertThat(ioctls).hasValue(4);
        assertThat(trace.render()).contains("retry gem_close(f, 42) -> EINVAL  -> EINVAL (22, invalid argument),"
                + " after EAGAIN x3");
    }

    @Test
    void aCallThatNeverStopsAnsweringEagainEndsAfterTheLimitAsAMismatch() {
        AtomicInteger ioctls = new AtomicInteger();
        assertThatThrownBy(run(2, failingFirst(Integer.MAX_VALUE, Errno.EAGAIN, ioctls))::run)
                .isInstanceOf(ScenarioFailure.class)
                .hasMessageContaining("actual:   EAGAIN (11, resource temporarily unavailable), after EAGAIN x"
                        + (ScenarioRun.MAX_CALLS - 1));
        assertThat(ioctls).hasValue(ScenarioRun.MAX_CALLS);
    }

    @Test
    void aScenariosRetryListRetriesItsIoctlsOnItsErrnosOnly() {
        AtomicInteger ioctls = new AtomicInteger();
        assertThat(run(3, failingFirst(1, Errno.EINTR, ioctls)).run().render())
                .contains("gem_close(f, 42) -> EINVAL  -> EINVAL (22, invalid argument), after EINTR");
        AtomicInteger again = new AtomicInteger();
        assertThatThrownBy(run(3, failingFirst(1, Errno.EAGAIN, again))::run)
                .isInstanceOf(ScenarioFailure.class)
                .hasMessageContaining("actual:   EAGAIN (11, resource temporarily unavailable)\n");
        assertThat(again).hasValue(1);
    }
}
