package org.uapispec.linux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/**
 * One prepared kernel as the suites use it: a {@link Vm} booted on first use and kept for every
 * scenario after, one scenario at a time. {@link #begin} hands a scenario a fresh
 * {@link LinuxBackend} on the profile's driver, after reading away the log lines earlier scenarios
 * left; {@link Session#end} ends the scenario's processes and returns the log lines it caused. A
 * WARN, oops or BUG among them, or an agent that stopped answering, restarts the machine for the
 * next scenario, since nothing that runs on a tainted kernel proves anything. A machine that did not
 * boot is not booted again: every later scenario fails at once with the first failure's message.
 */
public final class KernelMachine implements Machine {
    private final Kernel kernel;
    private final Duration timeout;
    private final String qemu;
    private Vm vm;
    private DriverNodes nodes;
    private String bootFailure;

    /** @param timeout how long booting may take, and later each answer of the agent */
    public KernelMachine(Kernel kernel, Duration timeout) {
        this(kernel, timeout, Vm.QEMU);
    }

    /** @param qemu the emulator: a path, or a name on the {@code PATH} */
    public KernelMachine(Kernel kernel, Duration timeout, String qemu) {
        this.kernel = kernel;
        this.timeout = timeout;
        this.qemu = qemu;
    }

    public Kernel kernel() {
        return kernel;
    }

    @Override
    public String label() {
        return kernel.label();
    }

    @Override
    public KernelEra kernelEra() {
        return kernel.kernelEra();
    }

    /**
     * The DRM drivers whose nodes stand for a profile's devices 0 and 1 on a kernel, if its driver
     * binds under QEMU without a GPU; empty if not. Device 1, which a scenario imports from, is the
     * profile's {@link ProfileName#secondDevice}: vgem, and virtio-gpu for the DRM core profile, which
     * runs on vgem. The i915 and exynos profiles need their hardware.
     */
    public static List<String> driversOf(ProfileName profile) {
        Optional<String> first = driverOf(profile);
        Optional<String> second = driverOf(profile.secondDevice());
        return first.isPresent() && second.isPresent() ? List.of(first.get(), second.get()) : List.of();
    }

    /** The driver a profile's device runs on under QEMU, by the name VERSION gives it. */
    private static Optional<String> driverOf(ProfileName profile) {
        return switch (profile) {
            case GENERIC -> Optional.of("vgem");
            case VIRTIO_GPU -> Optional.of("virtio_gpu");
            case BOCHS -> Optional.of("bochs");
            case QXL -> Optional.of("qxl");
            case CIRRUS -> Optional.of("cirrus");
            case RADEON -> Optional.of("radeon");
            case I915_2014, I915_2019, I915, I915_MMAP_FORWARD, EXYNOS_2012 -> Optional.empty();
        };
    }

    /**
     * Starts a scenario on {@code drivers} (the spec's devices 0, 1, ...), booting the machine first if
     * it is not running.
     *
     * @throws IOException when the machine does not boot (now or before), or has no node of the driver
     */
    @Override
    public synchronized Session begin(List<String> drivers) throws IOException {
        if (bootFailure != null) {
            throw new IOException(bootFailure);
        }
        if (vm == null || !vm.isAlive()) {
            stop();
            try {
                vm = Vm.boot(kernel, timeout, qemu);
                nodes = DriverNodes.scan(vm.agent());
            } catch (IOException | RuntimeException e) {
                stop();
                bootFailure = e.getMessage();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
        vm.newKernelLog(); // what earlier scenarios and the boot left belongs to them
        nodes.require(drivers, kernel.toString());
        return new Session(vm, new LinuxBackend(vm.agent(), nodes, drivers));
    }

    /** Stops the machine; the next {@link #begin} boots it again. */
    private void stop() {
        if (vm != null) {
            vm.close();
            vm = null;
            nodes = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** One scenario on the machine. */
    public final class Session implements Machine.Session {
        private final Vm on;
        private final LinuxBackend backend;

        private Session(Vm on, LinuxBackend backend) {
            this.on = on;
            this.backend = backend;
        }

        @Override
        public LinuxBackend backend() {
            return backend;
        }

        @Override
        public List<String> newLogLines() {
            synchronized (KernelMachine.this) {
                return on.isAlive() ? on.newKernelLog().lines() : List.of();
            }
        }

        /**
         * Ends the scenario's processes and returns the kernel log lines it caused (after any
         * {@link #newLogLines} already read). On a WARN, oops or BUG among them, or when the agent
         * no longer answers, the machine restarts before the next scenario.
         */
        @Override
        public KernelLog end() {
            synchronized (KernelMachine.this) {
                KernelLog log;
                try {
                    backend.close();
                    log = on.newKernelLog();
                } catch (AgentException e) {
                    log = new KernelLog(List.of("(the agent stopped answering: " + e.getMessage() + ")"));
                    restart();
                    return log;
                }
                if (!log.taints().isEmpty() || !on.isAlive()) {
                    restart();
                }
                return log;
            }
        }

        private void restart() {
            if (vm == on) {
                stop();
            }
        }
    }
}
