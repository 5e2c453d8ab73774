package org.uapispec.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.linux.HostMachine;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.LocalAgent;
import org.uapispec.linux.Vm;

/**
 * The real kernels a run uses, found at discovery: for the {@code kernel} and {@code both} backends,
 * the prepared kernel of each configured era; for {@code host}, this host's kernel with the DRM
 * drivers its nodes answer for. What cannot run (no QEMU, an era not prepared; no agent, no root,
 * a profile's driver the host lacks) is named in one reason, which discovery turns into one skipped
 * test.
 *
 * @param kernels     the kernels to run on, in the configured order
 * @param qemu        the emulator that boots them
 * @param host        this host, with the {@code host} backend when its agent answered
 * @param unavailable why some configured kernels or profiles do not run, if any do not
 */
record KernelPlan(List<Kernel> kernels, String qemu, Optional<Host> host, Optional<String> unavailable) {
    /** How long the host's agent may take to start, and later each answer. */
    private static final Duration HOST_TIMEOUT = Duration.ofSeconds(60);

    static final KernelPlan NONE = new KernelPlan(List.of(), Vm.QEMU, Optional.empty(), Optional.empty());

    /**
     * This host in host mode.
     *
     * @param kernel  its kernel, by release and era
     * @param machine the machine the runs share, its agent started at discovery to ask the drivers
     * @param drivers the DRM drivers its nodes answer for
     */
    record Host(RealKernel.OnHost kernel, HostMachine machine, Set<String> drivers) {
        Host {
            drivers = Set.copyOf(drivers);
        }
    }

    KernelPlan {
        kernels = List.copyOf(kernels);
    }

    static KernelPlan of(EngineConfiguration configuration) {
        if (configuration.backend().runsHost()) {
            return onHost(configuration);
        }
        if (!configuration.backend().runsKernels()) {
            return NONE;
        }
        String setup = "; run linux/setup/setup-kernels.sh " + String.join(" ",
                configuration.kernels().stream().map(KernelEra::text).toList()) + " to prepare them";
        String qemu = configuration.qemu();
        if (!Vm.qemuAvailable(qemu)) {
            return new KernelPlan(List.of(), qemu, Optional.empty(), Optional.of("kernel tests not run: " + qemu
                    + (qemu.contains("/") ? " is not an executable file" : " is not on the PATH") + setup));
        }
        List<Kernel> prepared;
        try {
            prepared = Kernel.inCache(configuration.kernelCache());
        } catch (RuntimeException e) {
            return new KernelPlan(List.of(), qemu, Optional.empty(), Optional.of("kernel tests not run: " + e.getMessage()));
        }
        List<Kernel> kernels = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (KernelEra era : configuration.kernels()) {
            Optional<Kernel> kernel = prepared.stream().filter(k -> k.kernelEra() == era).findFirst();
            kernel.ifPresentOrElse(kernels::add, () -> missing.add(era.text()));
        }
        return new KernelPlan(kernels, qemu, Optional.empty(), missing.isEmpty() ? Optional.empty()
                : Optional.of("kernel tests not run on Linux " + String.join(", ", missing) + ": not prepared in "
                        + configuration.kernelCache() + setup));
    }

    /**
     * Host mode: the agent (configured, or the engine's own) started on this host to ask which DRM
     * drivers its nodes answer for. The profiles of today's drivers whose nodes it lacks are named
     * in the reason, with what it has.
     */
    private static KernelPlan onHost(EngineConfiguration configuration) {
        String release = System.getProperty("os.version", "unknown");
        RealKernel.OnHost kernel = new RealKernel.OnHost(release, HostMachine.eraOf(release));
        String notRun = "host tests not run on " + kernel.label() + ": ";
        try {
            if (!HostMachine.runsAsRoot()) {
                return unavailable(notRun + "host mode needs root (a spec's processes are root with CAP_SYS_ADMIN"
                        + " unless it says otherwise)");
            }
            Optional<Path> agent = configuration.hostAgent().isPresent() ? configuration.hostAgent()
                    : LocalAgent.bundled();
            if (agent.isEmpty()) {
                return unavailable(notRun + "the uapispec-linux jar has no agent (gcc was missing when it was built);"
                        + " set " + Constants.HOST_AGENT + " to one built by linux/agent/build.sh");
            }
            if (!Files.isExecutable(agent.get())) {
                return unavailable(notRun + Constants.HOST_AGENT + "=" + agent.get() + " is not an executable file");
            }
            HostMachine machine = new HostMachine(agent.get(), HOST_TIMEOUT);
            Set<String> drivers = machine.drivers().drivers();
            List<String> lacking = new ArrayList<>();
            for (ProfileName profile : ProfileName.values()) {
                List<String> needs = HostMachine.driversOf(profile);
                if (!needs.isEmpty() && !drivers.containsAll(needs) && configuration.profiles().allows(profile.text())) {
                    lacking.add(profile.text() + " (no " + String.join(", ", needs) + " node)");
                }
            }
            return new KernelPlan(List.of(), Vm.QEMU, Optional.of(new Host(kernel, machine, drivers)),
                    lacking.isEmpty() ? Optional.empty() : Optional.of(notRun + "profiles " + String.join(", ", lacking)
                            + "; its DRM drivers: " + (drivers.isEmpty() ? "none" : String.join(", ", new TreeSet<>(drivers)))));
        } catch (IOException | RuntimeException e) {
            return unavailable(notRun + "the agent did not start: " + e.getMessage());
        }
    }

    private static KernelPlan unavailable(String reason) {
        return new KernelPlan(List.of(), Vm.QEMU, Optional.empty(), Optional.of(reason));
    }

    /** Whether {@code profile} runs on this host: its drivers' nodes are all here. */
    boolean runsOnHost(String profile) {
        return host.isPresent() && ProfileName.byText(profile).map(HostMachine::driversOf)
                .filter(d -> !d.isEmpty() && host.get().drivers().containsAll(d)).isPresent();
    }

    /** Whether {@code profile} runs on kernels here: a driver of its binds under QEMU. */
    static boolean runsOnKernels(String profile) {
        return ProfileName.byText(profile).map(KernelMachine::driversOf).filter(d -> !d.isEmpty()).isPresent();
    }
}
