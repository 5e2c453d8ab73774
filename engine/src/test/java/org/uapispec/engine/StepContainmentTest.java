package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Backend;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.SpecModel;

/**
 * Whatever a step makes the engine or the backend throw ends that test with the step's position,
 * as a {@link StepError}, never as a bare exception that names no spec line.
 */
class StepContainmentTest {
    private static final String SPEC = String.join("\n",
            "spec \"containment\" {",
            "  profiles [generic]",
            "  scenario \"an ioctl that breaks the backend\" {",
            "    p = spawn()",
            "    f = open(p)",
            "    gem_close(f, 42) -> EINVAL",
            "  }",
            "}");

    /** The reference device, except that every ioctl throws as a buggy backend would. */
    private static Backend breakingIoctls() {
        Backend device = new ReferenceDevice(Profiles.GENERIC);
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("ioctl")) {
                        throw new IllegalStateException("the backend broke");
                    }
                    try {
                        return method.invoke(device, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void anExceptionInAStepIsAPositionedStepErrorWithTheStepsRunSoFar() {
        SpecModel spec = SpecCompiler.modelOrThrow(new SpecCompiler().compile("containment.uapi", SPEC));
        ScenarioRun run = ScenarioRun.on(spec, spec.scenarios().get(0), "generic", breakingIoctls());
        assertThatThrownBy(run::run).isInstanceOfSatisfying(StepError.class, error -> {
            assertThat(error.getMessage()).startsWith(
                    "internal error at step containment.uapi:6:5 on generic: gem_close(f, 42) -> EINVAL\n"
                    + "  java.lang.IllegalStateException: the backend broke\nsteps run:\n");
            assertThat(error.getMessage()).contains("ok   containment.uapi:5:5  f = open(p)")
                    .contains("FAIL containment.uapi:6:5  gem_close(f, 42) -> EINVAL  -> internal error")
                    .contains("device state:");
            assertThat(error.getCause()).hasMessage("the backend broke");
        });
    }
}
