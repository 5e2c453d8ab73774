package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.uapispec.api.FailureKind;
import org.uapispec.api.ProfileName;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.Vm;

/**
 * The two mutations issue 16 checks with, on every kernel {@code linux/setup/setup-kernels.sh}
 * prepared: a spec step that expects a wrong errno fails on the model and on each kernel, naming the
 * kernel; and the model with one rule flipped fails as a disagreement with each kernel. Skipped,
 * with one line, when QEMU or prepared kernels are missing (the test command on a new machine).
 */
class RealKernelTest {
    @TempDir
    Path folder;

    /** The prepared kernels; the test is skipped, saying why, when there are none or no QEMU. */
    private static List<Kernel> prepared() {
        List<Kernel> found = Kernel.inCache(Kernel.defaultCache());
        Assumptions.assumeTrue(Vm.qemuAvailable() && !found.isEmpty(), () -> "real-kernel test skipped: "
                + (Vm.qemuAvailable() ? "no kernels are prepared in " + Kernel.defaultCache() : "QEMU is not installed")
                + " (run linux/setup/setup-kernels.sh)");
        return found;
    }

    private static final String SPEC = String.join("\n",
            "spec \"mutations\" {",
            "  profiles [generic]",
            "  setup {",
            "    p = spawn()",
            "    f = open(p)",
            "    h = dumb_create(f, width: 1024, height: 1, bpp: 32)",
            "    off = dumb_map(f, h)",
            "  }",
            "  scenario \"a wrong errno\" {",
            "    gem_close(f, 42) -> ENOENT",
            "  }",
            "  scenario \"MAP_PRIVATE of an object\" {",
            "    mmap(p, len: PAGE, prot: rw, flags: private, fd: f, offset: off) -> { generic@6.1+: EINVAL  default: ok }",
            "  }",
            "}");

    @Test
    void aWrongExpectedErrnoFailsOnTheModelAndOnEveryKernelNamingTheKernel() throws IOException {
        List<Kernel> kernels = prepared();
        Path spec = Files.writeString(folder.resolve("mutations.uapi"), SPEC);
        String eras = kernels.stream().map(Kernel::era).collect(Collectors.joining(","));
        Events events = EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.BACKEND, "both")
                .configurationParameter(Constants.KERNELS, eras)
                .configurationParameter(Constants.REPORT_ALLURE, "false")
                .selectors(selectFile(spec.toFile())).execute().testEvents();
        // each scenario on the model and on every kernel; only the wrong errno fails, everywhere
        events.assertStatistics(stats -> stats.started(2 * (1 + kernels.size())).failed(1 + kernels.size()));
        List<String> failures = events.failed().stream().map(RealKernelTest::message).toList();
        assertThat(failures).allSatisfy(m -> assertThat(m).contains("gem_close(f, 42) -> ENOENT\n  expected: ENOENT\n"
                + "  actual:   EINVAL (22, invalid argument)"));
        for (Kernel kernel : kernels) {
            assertThat(failures).filteredOn(m -> m.contains("on generic, " + kernel.label() + ": ")).hasSize(1);
        }
        assertThat(failures).filteredOn(m -> m.contains("on generic: ")).hasSize(1);
    }

    @Test
    void aModelWithOneRuleFlippedDisagreesWithEveryKernel() throws IOException {
        List<Kernel> kernels = prepared();
        SpecModel spec = SpecCompiler.modelOrThrow(new SpecCompiler().compile("mutations.uapi", SPEC));
        for (Kernel kernel : kernels) {
            Profile answering = Profiles.GENERIC.at(kernel.kernelEra());
            Profile mutated = answering.withMmap(answering.mmap().with(r -> r.privateRefused = !r.privateRefused));
            try (KernelMachine machine = new KernelMachine(kernel, Duration.ofSeconds(180))) {
                KernelMachine.Session session = machine.begin(KernelMachine.driversOf(ProfileName.GENERIC));
                try {
                    ScenarioRun run = ScenarioRun.compared(spec, spec.scenarios().get(1),
                            Target.kernel("generic", kernel, true), session.backend(), new ReferenceDevice(mutated));
                    assertThatThrownBy(run::run).isInstanceOfSatisfying(ScenarioFailure.Disagreement.class, f -> {
                        assertThat(f.failure().kind()).isEqualTo(FailureKind.DISAGREEMENT);
                        assertThat(f.getMessage()).contains("on generic, " + kernel.label() + ": mmap(p, len: PAGE")
                                .contains("the model and the kernel disagree");
                    });
                } finally {
                    session.end();
                }
                // the model as it is agrees with the same kernel on the same scenario
                KernelMachine.Session again = machine.begin(KernelMachine.driversOf(ProfileName.GENERIC));
                try {
                    assertThat(ScenarioRun.compared(spec, spec.scenarios().get(1), Target.kernel("generic", kernel, true),
                            again.backend(), new ReferenceDevice(answering)).run().entries())
                            .extracting(Trace.Entry::status).containsOnly(Trace.Status.PASSED);
                } finally {
                    again.end();
                }
            }
        }
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }
}
