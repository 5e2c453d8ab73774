package org.uapispec.linux;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One QEMU virtual machine running a prepared {@link Kernel} with its agent: software emulation
 * (TCG, one CPU, no KVM), 256 MiB, no network, and the display devices whose DRM drivers bind
 * without a GPU (cirrus, virtio-gpu, bochs, qxl, and radeon on an ATI RV100, which binds with the
 * guest's init turning fbdev emulation off; vgem is a module of its own). The agent serves the
 * host over a virtio-serial port named {@value #PORT}, which QEMU exposes as a UNIX socket in the
 * machine's temporary folder; {@link #boot} connects and handshakes there. The serial console goes
 * to {@code console.log} in the same folder, for the failure messages of a machine that does not
 * come up. {@link #close} stops the machine and deletes the folder.
 */
public final class Vm implements AutoCloseable {
    /** The name of the virtio-serial port the guest's init hands to the agent. */
    public static final String PORT = "uapispec";
    /** The emulator, looked up on the {@code PATH} unless a path is given. */
    public static final String QEMU = "qemu-system-x86_64";
    private static final int CONSOLE_TAIL_LINES = 20;

    private final Kernel kernel;
    private final Process qemu;
    private final Path folder;
    private final AgentClient agent;

    private Vm(Kernel kernel, Process qemu, Path folder, AgentClient agent) {
        this.kernel = kernel;
        this.qemu = qemu;
        this.folder = folder;
        this.agent = agent;
    }

    /** Whether QEMU's x86-64 system emulator is on the {@code PATH}. */
    public static boolean qemuAvailable() {
        return qemuAvailable(QEMU);
    }

    /** Whether {@code qemu} can run: an executable file if it is a path, else a program on the {@code PATH}. */
    public static boolean qemuAvailable(String qemu) {
        if (qemu.contains("/")) {
            return Files.isExecutable(Path.of(qemu));
        }
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, qemu)));
    }

    /**
     * Boots {@code kernel} and returns once its agent has answered the handshake.
     *
     * @param timeout how long booting and the handshake may take together, and later each answer
     * @throws IOException if QEMU cannot start, exits early, or the agent does not answer in time;
     *                     the message ends with the last lines of the guest's console
     */
    public static Vm boot(Kernel kernel, Duration timeout) throws IOException {
        return boot(kernel, timeout, QEMU);
    }

    /** {@link #boot(Kernel, Duration)} with another emulator binary ({@code qemu}: a path, or a name on the PATH). */
    public static Vm boot(Kernel kernel, Duration timeout, String qemu) throws IOException {
        Path folder = Files.createTempDirectory("uapispec-vm");
        Path socket = folder.resolve("agent.sock");
        Path console = folder.resolve("console.log");
        Process process = new ProcessBuilder(command(qemu, kernel, socket))
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        try {
            return new Vm(kernel, process, folder, connect(process, socket, timeout));
        } catch (IOException | RuntimeException e) {
            String tail = consoleTail(console);
            stop(process);
            delete(folder);
            throw new IOException("Linux " + kernel.release() + " did not come up: " + e.getMessage() + tail, e);
        }
    }

    static List<String> command(Kernel kernel, Path socket) {
        return command(QEMU, kernel, socket);
    }

    static List<String> command(String qemu, Kernel kernel, Path socket) {
        List<String> command = new ArrayList<>(List.of(qemu, "-accel", "tcg", "-m", "256M", "-smp", "1",
                "-nographic", "-no-reboot", "-nic", "none",
                "-kernel", kernel.vmlinuz().toString(), "-initrd", kernel.initrd().toString(),
                "-append", "console=ttyS0 quiet panic=-1",
                "-vga", "cirrus", "-device", "virtio-gpu-pci", "-device", "bochs-display", "-device", "qxl",
                "-device", "ati-vga,model=rv100",
                "-device", "virtio-serial-pci",
                "-chardev", "socket,id=agent,path=" + socket + ",server=on,wait=off",
                "-device", "virtserialport,chardev=agent,name=" + PORT));
        return List.copyOf(command);
    }

    /**
     * QEMU creates the socket before the guest boots; the agent answers once the guest's init starts
     * it. QEMU binds the socket before it listens on it, so a connection refused while QEMU runs is
     * retried (on a busy host the gap between the two was seen to refuse a first connection).
     */
    private static AgentClient connect(Process qemu, Path socket, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            if (!qemu.isAlive()) {
                throw new IOException("QEMU exited with status " + qemu.exitValue());
            }
            if (Files.exists(socket)) {
                try {
                    return AgentClient.connect(socket, timeout);
                } catch (ConnectException refused) {
                    // not listening yet
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("QEMU made no socket that accepted a connection within " + timeout);
            }
            sleep();
        }
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The guest's agent. */
    public AgentClient agent() {
        return agent;
    }

    /** The kernel log records printed since the last call (since the agent started, the first time). */
    public KernelLog newKernelLog() {
        return KernelLog.since(agent);
    }

    /** Whether QEMU still runs. */
    public boolean isAlive() {
        return qemu.isAlive();
    }

    /** The guest's serial console so far: boot messages and the init's own lines. */
    public String console() throws IOException {
        return Files.readString(folder.resolve("console.log"));
    }

    @Override
    public void close() {
        try {
            agent.close();
        } finally {
            stop(qemu);
            delete(folder);
        }
    }

    private static void stop(Process qemu) {
        qemu.destroy();
        try {
            if (!qemu.waitFor(2, TimeUnit.SECONDS)) {
                qemu.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            qemu.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String consoleTail(Path console) {
        try {
            List<String> lines = Files.readAllLines(console);
            List<String> tail = lines.subList(Math.max(0, lines.size() - CONSOLE_TAIL_LINES), lines.size());
            return tail.isEmpty() ? "" : "; the console's last lines:\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return "";
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for QEMU", e);
        }
    }
}
