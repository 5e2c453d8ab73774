package org.uapispec.engine;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;
import org.uapispec.api.Backend;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.linux.KernelLog;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.Machine;

/**
 * What every test of one execution shares: the report listener and one {@link Machine} per real
 * kernel the runs use (a {@link KernelMachine} booted by the first run on it, or the host's, whose
 * agent discovery started), stopped when execution ends ({@link #close}).
 * Each test gets its own backend: a new reference device, or a new guest process tree on the machine.
 */
final class RunContext implements EngineExecutionContext, AutoCloseable {
    /** How long a kernel may take to boot under TCG, and later each answer of its agent. */
    private static final Duration BOOT = Duration.ofSeconds(180);

    private final RunListener listener;
    private final Map<RealKernel, Machine> machines = new LinkedHashMap<>();

    private RunContext(RunListener listener, KernelPlan kernels) {
        this.listener = listener;
        kernels.kernels().forEach(k -> machines.put(new RealKernel.InVm(k), new KernelMachine(k, BOOT, kernels.qemu())));
        kernels.host().ifPresent(host -> machines.put(host.kernel(), host.machine()));
    }

    static RunContext from(EngineConfiguration configuration, KernelPlan kernels) {
        return new RunContext(RunListeners.load(configuration.allure()), kernels);
    }

    RunListener listener() {
        return listener;
    }

    /**
     * A fresh reference device whose device 0 follows {@code profileName} as it answered in
     * {@code era}, and device 1 its {@link ProfileName#secondDevice} as it answered then.
     */
    static Backend newModel(String profileName, KernelEra era) {
        Optional<Profile> profile = Profiles.byName(profileName);
        if (profile.isEmpty()) {
            throw new ConfigurationError("unknown profile '" + profileName + "' (known: "
                    + String.join(", ", Profiles.names()) + ")");
        }
        // device 1, the device scenarios import from, answers as the same era
        Profile second = Profiles.byName(ProfileName.byText(profileName).orElseThrow().secondDevice().text()).orElseThrow();
        return new ReferenceDevice(List.of(profile.get().at(era), second.at(era)));
    }

    /** Runs {@code scenario} on {@code target}; a failure is thrown to the platform. */
    void run(SpecModel spec, Scenario scenario, Target target, String source) {
        if (target.kernel().isEmpty()) {
            ScenarioRun.of(spec, scenario, target, source, newModel(target.profile(), target.era()), Optional.empty(),
                    Optional.empty(), listener).run();
            return;
        }
        RealKernel kernel = target.kernel().get();
        Machine machine = machines.get(kernel);
        List<String> drivers = kernel.driversOf(ProfileName.byText(target.profile()).orElseThrow());
        Optional<Backend> model = target.withModel()
                ? Optional.of(newModel(target.profile(), target.era())) : Optional.empty();
        Machine.Session session;
        try {
            session = machine.begin(drivers);
        } catch (IOException e) {
            throw ScenarioRun.couldNotStart(spec, scenario, target, source, listener, e.getMessage());
        }
        ScenarioRun run = ScenarioRun.of(spec, scenario, target, source, session.backend(), model,
                Optional.of(session), listener);
        boolean ended = false; // passed, or skipped by a requirement: either way what the kernel printed counts
        try {
            run.run();
            ended = true;
        } catch (RequirementUnmet skipped) {
            ended = true;
            throw skipped;
        } finally {
            KernelLog log = session.end();
            if (ended && !log.taints().isEmpty()) {
                run.kernelWarned(log);
            }
        }
    }

    @Override
    public void close() {
        machines.values().forEach(Machine::close);
    }
}
