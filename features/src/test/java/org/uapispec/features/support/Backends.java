package org.uapispec.features.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;
import org.uapispec.api.Backend;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.reference.ReferenceDevice;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelLog;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.Vm;

/**
 * What the features run on, from the engine's configuration keys read as system properties
 * ({@code -Duapispec.backend=kernel}): {@code uapispec.backend} ({@code model}, the default, or
 * {@code kernel} / {@code both}), {@code uapispec.kernels}, {@code uapispec.kernel.cache} and
 * {@code uapispec.kernel.qemu}. With a kernel backend, a scenario on a profile whose driver binds
 * under QEMU (generic: vgem) runs on the first configured kernel the setup prepared, one machine for
 * the whole run; every other scenario runs on the reference device as always. A scenario that should
 * run on a kernel but cannot (no QEMU, no prepared kernel) is skipped with the reason. The features
 * assert what their text says on either backend; the step-by-step comparison with the model is the
 * spec engine's ({@code both}).
 */
public final class Backends {
    private static final Backends CONFIGURED = fromSystemProperties();

    private final boolean kernels;
    private final Optional<KernelMachine> machine;
    private final String unavailable;

    private Backends(boolean kernels, Optional<KernelMachine> machine, String unavailable) {
        this.kernels = kernels;
        this.machine = machine;
        this.unavailable = unavailable;
    }

    private static Backends fromSystemProperties() {
        String backend = System.getProperty("uapispec.backend", "model").trim();
        if (!backend.equals("kernel") && !backend.equals("both")) {
            return new Backends(false, Optional.empty(), "");
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
            return new Backends(true, Optional.empty(), "kernel tests not run: " + qemu + " is not there");
        }
        for (String era : eras) {
            Optional<Kernel> kernel = Kernel.ofEra(cache, era);
            if (kernel.isPresent()) {
                KernelMachine started = new KernelMachine(kernel.get(), Duration.ofSeconds(180), qemu);
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "uapispec-features-vm"));
                return new Backends(true, Optional.of(started), "");
            }
        }
        return new Backends(true, Optional.empty(), "kernel tests not run: no kernel of " + String.join(", ", eras)
                + " is prepared in " + cache + " (run linux/setup/setup-kernels.sh)");
    }

    /** One scenario's backend, and on a kernel the machine's session it holds. */
    public static final class Opened {
        private final Backend backend;
        private final Optional<KernelMachine.Session> session;
        private final String kernel;

        private Opened(Backend backend, Optional<KernelMachine.Session> session, String kernel) {
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
            return session.map(KernelMachine.Session::end).map(KernelLog::taints).orElse(List.of());
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
        List<String> drivers = ProfileName.byText(profile.name()).map(KernelMachine::driversOf).orElse(List.of());
        if (!kernels || drivers.isEmpty()) {
            return new Opened(new ReferenceDevice(profile), Optional.empty(), "");
        }
        if (machine.isEmpty()) {
            throw new TestAbortedException(unavailable);
        }
        try {
            KernelMachine.Session session = machine.get().begin(drivers);
            return new Opened(session.backend(), Optional.of(session), machine.get().kernel().label());
        } catch (IOException e) {
            throw new IllegalStateException(machine.get().kernel().label() + " could not run the scenario: "
                    + e.getMessage(), e);
        }
    }
}
