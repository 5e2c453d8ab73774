package org.uapispec.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.uapispec.api.FailureKind;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.grammar.SpecCompiler;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelLog;

/**
 * The kernel and both backends without booting anything: a kernel cache written here whose kernels
 * name files that exist, and an emulator that exits at once. What they show: the tests there are and
 * their ids, the one skipped test when kernels cannot run, a kernel that does not boot failing its
 * tests, and the model-versus-kernel comparison (with a second reference device standing in for the
 * kernel).
 */
class KernelRunsTest {
    @TempDir
    Path cache;

    /** A cache with 6.1 and 6.12 "prepared": their files exist, though nothing could boot them. */
    private Path prepared() throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (String[] k : List.of(new String[] {"6.1", "6.1.0-57-amd64", "6.1.192-3"},
                new String[] {"6.12", "6.12.118+deb13-amd64", "6.12.118-1"})) {
            Path dir = Files.createDirectories(cache.resolve(k[1]));
            Path vmlinuz = Files.writeString(dir.resolve("vmlinuz"), "not a kernel");
            Path initrd = Files.writeString(dir.resolve("initrd.cpio.gz"), "not an initramfs");
            tsv.append(String.join("\t", k[0], k[1], "linux-image-" + k[1], k[2], vmlinuz.toString(), initrd.toString()))
                    .append('\n');
        }
        Files.writeString(cache.resolve("kernels.tsv"), tsv);
        return cache;
    }

    /** An emulator that fails at once, as QEMU does on a kernel it cannot load. */
    private Path failingQemu() throws IOException {
        Path qemu = cache.resolve("qemu-that-fails");
        Files.writeString(qemu, "#!/bin/sh\necho 'qemu: could not load kernel' >&2\nexit 1\n");
        Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwxr-xr-x"));
        return qemu;
    }

    private EngineTestKit.Builder engine(String backend) throws IOException {
        return EngineTestKit.engine(UapiTestEngine.ENGINE_ID)
                .configurationParameter(Constants.BACKEND, backend)
                .configurationParameter(Constants.KERNEL_CACHE, cache.toString())
                .configurationParameter(Constants.QEMU, failingQemu().toString())
                .configurationParameter(Constants.REPORT_ALLURE, "false");
    }

    private static List<String> tests(TestDescriptor root) {
        return root.getDescendants().stream().filter(TestDescriptor::isTest)
                .map(d -> d.getUniqueId().getLastSegment().getType() + ":" + d.getUniqueId().getLastSegment().getValue()
                        + " " + d.getDisplayName())
                .sorted().toList();
    }

    @Test
    void bothRunsTheModelAndEachKernelAsTestsNamedByTheKernelsPackageVersion() throws IOException {
        prepared();
        TestDescriptor root = engine("both").selectors(selectClasspathResource("good/handles.uapi")).discover()
                .getEngineDescriptor();
        String name = " good/handles.uapi: closed numbers are reused [";
        assertThat(tests(root)).filteredOn(t -> t.contains("closed numbers")).containsExactly(
                "kernel:generic@6.1.192-3" + name + "generic on Linux 6.1.192-3 (6.1.0-57-amd64)]",
                "kernel:generic@6.12.118-1" + name + "generic on Linux 6.12.118-1 (6.12.118+deb13-amd64)]",
                "profile:generic" + name + "generic]",
                "profile:i915" + name + "i915]");
    }

    @Test
    void kernelRunsOnlyTheProfilesWhoseDriverBindsInTheVirtualMachine() throws IOException {
        prepared();
        TestDescriptor root = engine("kernel").configurationParameter(Constants.KERNELS, "6.12")
                .selectors(selectClasspathResource("good/per-profile.uapi")).discover().getEngineDescriptor();
        // i915-2019 needs Intel hardware: it has no kernel run, and with the kernel backend no run at all.
        assertThat(tests(root)).extracting(t -> t.substring(0, t.indexOf(' '))).containsExactly(
                "kernel:generic@6.12.118-1", "kernel:generic@6.12.118-1");
    }

    @Test
    void aKernelRunIsSelectedByItsUniqueId() throws IOException {
        prepared();
        UniqueId id = UniqueId.forEngine(UapiTestEngine.ENGINE_ID).append("resource", "good/handles.uapi")
                .append(ScenarioDescriptor.SEGMENT, "closed numbers are reused")
                .append(Targets.KERNEL_SEGMENT, "generic@6.1.192-3");
        TestDescriptor root = engine("both").configurationParameter(Constants.KERNELS, "6.1,6.12")
                .selectors(selectUniqueId(id)).discover().getEngineDescriptor();
        assertThat(root.getDescendants()).filteredOn(TestDescriptor::isTest).singleElement()
                .satisfies(d -> assertThat(d.getUniqueId()).isEqualTo(id));
    }

    @Test
    void kernelsThatAreNotPreparedGiveOneSkippedTestThatSaysHowToPrepareThem() throws IOException {
        Events events = engine("both").configurationParameter(Constants.KERNELS, "6.1,6.12")
                .selectors(selectClasspathResource("good/handles.uapi")).execute().testEvents();
        events.assertStatistics(stats -> stats.skipped(1).started(4).succeeded(4).failed(0));
        assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElse(""))).singleElement()
                .isEqualTo("kernel tests not run on Linux 6.1, 6.12: not prepared in " + cache
                        + "; run linux/setup/setup-kernels.sh 6.1 6.12 to prepare them");
    }

    @Test
    void anEmulatorThatIsNotThereGivesOneSkippedTest() throws IOException {
        prepared();
        Events events = engine("kernel").configurationParameter(Constants.QEMU, cache.resolve("no-qemu").toString())
                .selectors(selectClasspathResource("good/handles.uapi")).execute().testEvents();
        events.assertStatistics(stats -> stats.skipped(1).started(0));
        assertThat(events.skipped().stream().map(e -> e.getPayload(String.class).orElse(""))).singleElement()
                .asString().startsWith("kernel tests not run: " + cache.resolve("no-qemu") + " is not an executable file");
    }

    @Test
    void aKernelThatDoesNotBootFailsEachOfItsTestsAsABackendErrorNamingTheKernel() throws IOException {
        prepared();
        Events events = engine("both").configurationParameter(Constants.KERNELS, "6.1")
                .selectors(selectClasspathResource("good/handles.uapi")).execute().testEvents();
        // two scenarios on generic and i915 on the model pass; each scenario's run on 6.1 fails
        events.assertStatistics(stats -> stats.started(6).succeeded(4).failed(2));
        for (Event failed : events.failed().list()) {
            Throwable thrown = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .orElseThrow();
            assertThat(Failure.of(thrown)).hasValueSatisfying(f -> {
                assertThat(f.kind()).isEqualTo(FailureKind.BACKEND_ERROR);
                assertThat(f.kernel()).isEqualTo("Linux 6.1.192-3 (6.1.0-57-amd64)");
            });
            assertThat(thrown.getMessage()).startsWith("the run at good/handles.uapi:")
                    .contains("on generic, Linux 6.1.192-3 (6.1.0-57-amd64) could not run:")
                    .contains("Linux 6.1.0-57-amd64 did not come up");
        }
    }

    private static final String COMPARED = String.join("\n",
            "spec \"compared\" {",
            "  profiles [generic]",
            "  setup {",
            "    p = spawn()",
            "    f = open(p)",
            "  }",
            "  scenario \"a step the two answer differently\" {",
            "    gem_create(f, size: 4096) -> EINVAL",
            "  }",
            "  scenario \"a wrong expectation the two share\" {",
            "    gem_close(f, 42) -> ENOENT",
            "  }",
            "  scenario \"the same answers\" {",
            "    h = dumb_create(f, width: 64, height: 64, bpp: 32)",
            "    check valid(f, h)",
            "  }",
            "}");

    private static final Kernel KERNEL = new Kernel("6.1", "6.1.0-57-amd64", "linux-image-6.1.0-57-amd64", "6.1.192-3",
            Path.of("vmlinuz"), Path.of("initrd"));

    /**
     * The model beside a "kernel" that is a reference device of another profile: where they answer
     * differently the run fails as a disagreement before the expectation is looked at.
     */
    private static ScenarioRun compared(int scenario) {
        SpecModel spec = SpecCompiler.modelOrThrow(new SpecCompiler().compile("compared.uapi", COMPARED));
        return ScenarioRun.compared(spec, spec.scenarios().get(scenario), Target.kernel("generic", KERNEL, true),
                new ReferenceDevice(Profiles.I915), new ReferenceDevice(Profiles.GENERIC));
    }

    @Test
    void aStepTheModelAndTheKernelAnswerDifferentlyIsADisagreementWithBothAnswers() {
        assertThatThrownBy(() -> compared(0).run()).isInstanceOfSatisfying(ScenarioFailure.Disagreement.class, f -> {
            assertThat(f.failure().kind()).isEqualTo(FailureKind.DISAGREEMENT);
            assertThat(f.getMessage()).startsWith("step at compared.uapi:8:5 on generic, Linux 6.1.192-3"
                    + " (6.1.0-57-amd64): gem_create(f, size: 4096) -> EINVAL\n"
                    + "  the model and the kernel disagree\n"
                    + "  model:  EINVAL (22, invalid argument)\n"
                    + "  kernel: ok (handle 1)\n");
            assertThat(f.getMessage()).contains("the model beside it:").contains("kernel log: (no new lines)");
        });
    }

    @Test
    void aWrongExpectationTheModelAndTheKernelShareFailsAsAnErrnoMismatchNamingTheKernel() {
        assertThatThrownBy(() -> compared(1).run()).isInstanceOfSatisfying(ScenarioFailure.StepFailure.class, f -> {
            assertThat(f.failure().kind()).isEqualTo(FailureKind.ERRNO_MISMATCH);
            assertThat(f.getMessage()).startsWith("step at compared.uapi:11:5 on generic, Linux 6.1.192-3"
                    + " (6.1.0-57-amd64): gem_close(f, 42) -> ENOENT\n  expected: ENOENT\n  actual:   EINVAL");
        });
    }

    @Test
    void aScenarioThatPassedButMadeTheKernelWarnFailsWithTheLogLines() {
        ScenarioRun run = compared(2);
        run.run();
        List<String> log = List.of("vgem: something ordinary", "WARNING: CPU: 0 PID: 23 at drivers/gpu/drm/drm_gem.c:1",
                "Call Trace:");
        assertThatThrownBy(() -> run.kernelWarned(new KernelLog(log))).isInstanceOfSatisfying(ScenarioFailure.KernelWarning.class,
                f -> {
                    assertThat(f.failure().kind()).isEqualTo(FailureKind.KERNEL_WARNING);
                    assertThat(f.failure().kernelLog()).isEqualTo(log);
                    assertThat(f.getMessage()).startsWith("Linux 6.1.192-3 (6.1.0-57-amd64) warned while scenario"
                            + " \"the same answers\" (compared.uapi:13:3) ran on generic:\n"
                            + "  WARNING: CPU: 0 PID: 23 at drivers/gpu/drm/drm_gem.c:1\n");
                    assertThat(f.getMessage()).contains("kernel log:\n  vgem: something ordinary\n");
                });
    }

    @Test
    void answersThatAgreePassWhateverValuesEachBackendGave() {
        assertThat(compared(2).run().entries()).extracting(Trace.Entry::status).containsOnly(Trace.Status.PASSED);
        assertThat(Optional.of(KERNEL.label())).contains("Linux 6.1.192-3 (6.1.0-57-amd64)");
    }
}
