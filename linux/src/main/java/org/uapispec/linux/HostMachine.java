package org.uapispec.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;

/**
 * This host's own kernel as a machine (host mode): the agent runs as a local process
 * ({@link LocalAgent}) and its guest processes open this host's {@code /dev/dri} nodes, so that a
 * user with an Intel GPU runs the {@code i915} specs on their machine, and anyone who loads vgem
 * ({@code modprobe vgem}) the DRM core's. The agent is started on first use and kept for every
 * scenario after, one at a time; the processes it forks have the JVM's user and credentials, so
 * {@code spawn(uid:)} and {@code admin:} need the suites to run as root, as on a kernel in a VM.
 */
public final class HostMachine implements Machine {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    private final Path agentBinary;
    private final Duration timeout;
    private final String release;
    private LocalAgent agent;
    private DriverNodes nodes;

    /**
     * @param agentBinary the agent to run ({@link LocalAgent#bundled})
     * @param timeout     how long the agent may take to start, and later each answer
     */
    public HostMachine(Path agentBinary, Duration timeout) {
        this.agentBinary = agentBinary;
        this.timeout = timeout;
        this.release = System.getProperty("os.version", "unknown");
    }

    /**
     * The DRM drivers whose nodes stand for a profile's devices on this host: the profiles of
     * drivers as they are today (older eras and unmerged patches are no host's kernel). A host has
     * no second device a spec can count on, so device 1 is a node no host has.
     */
    public static List<String> driversOf(ProfileName profile) {
        return switch (profile) {
            case GENERIC -> List.of("vgem");
            case I915 -> List.of("i915");
            case VIRTIO_GPU -> List.of("virtio_gpu");
            case BOCHS -> List.of("bochs");
            case QXL -> List.of("qxl");
            case CIRRUS -> List.of("cirrus");
            case RADEON -> List.of("radeon");
            case I915_2014, I915_2019, I915_MMAP_FORWARD, EXYNOS_2012 -> List.of();
        };
    }

    /**
     * The era a kernel release answers as: the newest era at or before its version
     * ({@code 6.8.0-45-generic} answers as 6.1), the oldest for a kernel older than every era.
     */
    public static KernelEra eraOf(String release) {
        Matcher m = VERSION.matcher(release);
        if (!m.lookingAt()) {
            return KernelEra.newest();
        }
        int version = Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
        KernelEra era = KernelEra.values()[0];
        for (KernelEra candidate : KernelEra.values()) {
            Matcher c = VERSION.matcher(candidate.text());
            if (c.lookingAt() && Integer.parseInt(c.group(1)) * 1000 + Integer.parseInt(c.group(2)) <= version) {
                era = candidate;
            }
        }
        return era;
    }

    /** The host kernel's release, as {@code uname -r} prints it. */
    public String release() {
        return release;
    }

    @Override
    public String label() {
        return "this host (Linux " + release + ")";
    }

    @Override
    public KernelEra kernelEra() {
        return eraOf(release);
    }

    /**
     * The DRM drivers this host's nodes answer for, asked by the agent (started if needed).
     *
     * @throws IOException when the agent does not start
     */
    public synchronized DriverNodes drivers() throws IOException {
        start();
        return nodes;
    }

    private void start() throws IOException {
        if (agent == null) {
            try {
                agent = LocalAgent.start(agentBinary, timeout);
                nodes = DriverNodes.scan(agent.client());
            } catch (IOException | RuntimeException e) {
                stop();
                throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
    }

    /**
     * Starts a scenario on {@code drivers}; an empty list opens only nodes no host has (opening the
     * spec's device 0 is then ENOENT, as for a driver the host lacks).
     */
    @Override
    public synchronized Session begin(List<String> drivers) throws IOException {
        if (!runsAsRoot()) {
            throw new IOException("host mode needs root: a spec's processes are root with CAP_SYS_ADMIN unless it"
                    + " says otherwise, and the agent's processes have this JVM's user");
        }
        start();
        nodes.require(drivers, label());
        agent.client().kmsg(false); // what came before belongs to others
        return new HostSession(agent, new LinuxBackend(agent.client(), nodes, drivers));
    }

    /** Whether this JVM, and so the agent it starts, runs as uid 0 ({@code Uid:} of /proc/self/status). */
    public static boolean runsAsRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.split("\\s+")[1].equals("0");
            }
        }
        return false;
    }

    private void stop() {
        if (agent != null) {
            agent.close();
            agent = null;
            nodes = null;
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    /** One scenario on the host; an agent that stopped answering is started again for the next. */
    private final class HostSession implements Session {
        private final LocalAgent on;
        private final LinuxBackend backend;

        HostSession(LocalAgent on, LinuxBackend backend) {
            this.on = on;
            this.backend = backend;
        }

        @Override
        public LinuxBackend backend() {
            return backend;
        }

        @Override
        public List<String> newLogLines() {
            synchronized (HostMachine.this) {
                return log().lines();
            }
        }

        /** Without read access to /dev/kmsg (dmesg_restrict, not root) the log is empty. */
        private KernelLog log() {
            return KernelLog.since(on.client());
        }

        @Override
        public KernelLog end() {
            synchronized (HostMachine.this) {
                try {
                    backend.close();
                    return log();
                } catch (AgentException e) {
                    if (agent == on) {
                        stop();
                    }
                    return new KernelLog(List.of("(the agent stopped answering: " + e.getMessage() + ")"));
                }
            }
        }
    }
}
