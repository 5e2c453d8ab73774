package org.uapispec.features.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opentest4j.TestAbortedException;
import org.uapispec.api.Backend;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.linux.HostMachine;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelLog;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.LocalAgent;
import org.uapispec.linux.Machine;
import org.uapispec.linux.Vm;

/**
 * What the features run on, from the engine's configuration keys read as system properties
 * ({@code -Duapispec.backend=kernel}): {@code uapispec.backend} ({@code model}, the default, or
 * {@code kernel} / {@code both}), {@code uapispec.kernels}, {@code uapispec.kernel.cache} and
 * {@code uapispec.kernel.qemu}. With a kernel backend, a scenario on a profile whose driver binds
 * under QEMU (generic: vgem) runs on the first configured kernel the setup prepared, one machine for
 * the whole run; with {@code host} ({@code uapispec.host.agent}), a scenario on a profile of today's
 * drivers runs on this host's node of it. Every other scenario runs on the reference device as
 * always. A scenario that should run on a kernel but cannot (no QEMU, no prepared kernel; not root,
 * no agent, no node of the driver on the host) is skipped with the reason. The features
 * assert what their text says on either backend; the step-by-step comparison with the model is the
 * spec engine's ({@code both}).
 */
public final class Backends {
    private static final Backends CONFIGURED = fromSystemProperties();

    /** The drivers a profile runs on there; empty for the model alone. */
    private final Function<ProfileName, List<String>> driversOf;
    private final Optional<Machine> machine;
    private final String unavailable;

    private Backends(Function<ProfileName, List<String>> driversOf, Optional<Machine> machine, String unavailable) {
        this.driversOf = driversOf;
        this.machine = machine;
        this.unavailable = unavailable;
    }

    private static Backends fromSystemProperties() {
        String backend = System.getProperty("uapispec.backend", "model").trim();
        if (backend.equals("host")) {
            return onHost();
        }
        if (!backend.equals("kernel") && !backend.equals("both")) {
            return new Backends(p -> List.of(), Optional.empty(), "");
        }
        String qemu = System.getProperty("uapispec.kernel.qemu", Vm.QEMU).trim();
        String cacheText = System.getProperty("uapispec.kernel.cache", "").trim();
        Path cache = cacheText.isEmpty() ? Kernel.defaultCache() : Path.of(cacheText);
        List<String> eras = new ArrayList<>();
        for (String era : System.getProperty("uapispec.kernels", String.join(",", KernelEra.texts())).split(",")) {
            if (!era.isBlank()) {
                eras.add(era.trim());
            }
        }
        if (!Vm.qemuAvailable(qemu)) {
            return new Backends(KernelMachine::driversOf, Optional.empty(), "kernel tests not run: " + qemu
                    + " is not there");
        }
        for (String era : eras) {
            Optional<Kernel> kernel = Kernel.ofEra(cache, era);
            if (kernel.isPresent()) {
                KernelMachine started = new KernelMachine(kernel.get(), Duration.ofSeconds(180), qemu);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "uapispec-features-vm"));
                return new Backends(KernelMachine::driversOf, Optional.of(started), "");
            }
        }
        return new Backends(KernelMachine::driversOf, Optional.empty(), "kernel tests not run: no kernel of "
                + String.join(", ", eras) + " is prepared in " + cache + " (run linux/setup/setup-kernels.sh)");
    }

    /** Host mode: this host's kernel through the agent as a local process. */
    private static Backends onHost() {
        String notRun = "host tests not run: ";
        try {
            if (!HostMachine.runsAsRoot()) {
                return new Backends(HostMachine::driversOf, Optional.empty(), notRun + "host mode needs root");
            }
            String configured = System.getProperty("uapispec.host.agent", "").trim();
            Optional<Path> agent = configured.isEmpty() ? LocalAgent.bundled() : Optional.of(Path.of(configured));
            if (agent.isEmpty()) {
                return new Backends(HostMachine::driversOf, Optional.empty(), notRun + "no agent in the build (gcc was"
                        + " missing); set uapispec.host.agent");
            }
            HostMachine host = new HostMachine(agent.get(), Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(host::close, "uapispec-features-host"));
            return new Backends(HostMachine::driversOf, Optional.of(host), "");
        } catch (IOException e) {
            return new Backends(HostMachine::driversOf, Optional.empty(), notRun + e.getMessage());
        }
    }

    /** One scenario's backend, and on a kernel the machine's session it holds. */
    public static final class Opened {
        private final Backend backend;
        private final Optional<Machine.Session> session;
        private final String kernel;

        private Opened(Backend backend, Optional<Machine.Session> session, String kernel) {
            this.backend = backend;
            this.session = session;
            this.kernel = kernel;
        }

        public Backend backend() {
            return backend;
        }

        /** The kernel the scenario runs on ({@code Linux 6.1.192-3 (6.1.0-57-amd64)}); empty on the model. */
        public String kernel() {
            return kernel;
        }

        /**
         * Ends the scenario's processes on the kernel; the WARN, oops or BUG lines it printed, if any
         * (the machine restarts before the next scenario then).
         */
        public List<String> end() {
            return session.map(Machine.Session::end).map(KernelLog::taints).orElse(List.of());
        }
    }

    /**
     * The backend a scenario on {@code profile} runs on.
     *
     * @throws TestAbortedException when it should run on a kernel and none can run here
     */
    public static Opened open(Profile profile) {
        return CONFIGURED.openFor(profile);
    }

    private Opened openFor(Profile profile) {
        List<String> drivers = ProfileName.byText(profile.name()).map(driversOf).orElse(List.of());
        if (drivers.isEmpty()) {
            return new Opened(new ReferenceDevice(profile), Optional.empty(), "");
        }
        if (machine.isEmpty()) {
            throw new TestAbortedException(unavailable);
        }
        Machine on = machine.get();
        if (on instanceof HostMachine host) {
            hostLacks(host, drivers).ifPresent(reason -> {
                throw new TestAbortedException(reason);
            });
        }
        try {
            Machine.Session session = on.begin(drivers);
            return new Opened(session.backend(), Optional.of(session), on.label());
        } catch (IOException e) {
            throw new IllegalStateException(on.label() + " could not run the scenario: " + e.getMessage(), e);
        }
    }

    /** Why the host cannot run a scenario on {@code drivers}: a driver it has no node of. */
    private static Optional<String> hostLacks(HostMachine host, List<String> drivers) {
        try {
            java.util.Set<String> has = host.drivers().drivers();
            return has.containsAll(drivers) ? Optional.empty() : Optional.of("host tests not run on " + host.label()
                    + ": no " + String.join(", ", drivers) + " node; its DRM drivers: " + (has.isEmpty() ? "none" : has));
        } catch (IOException e) {
            return Optional.of("host tests not run: the agent did not start: " + e.getMessage());
        }
    }
}
