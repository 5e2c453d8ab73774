package org.uapispec.linux;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The agent as a process of this machine, in host mode: it listens on a UNIX socket in a fresh
 * temporary folder, serves this one connection and exits when it ends ({@code --once}), so an agent
 * whose JVM died does not outlive it. {@link #close} closes the connection and stops the agent.
 */
public final class LocalAgent implements AutoCloseable {
    private static final long RETRY_MILLIS = 5;

    private final Process process;
    private final Path folder;
    private final AgentClient client;

    private LocalAgent(Process process, Path folder, AgentClient client) {
        this.process = process;
        this.folder = folder;
        this.client = client;
    }

    /**
     * Starts {@code binary --listen <socket> --once} and connects to it.
     *
     * @param timeout how long the agent may take to listen and handshake, and later each answer
     * @throws IOException if the agent cannot start or exits before it listens
     */
    public static LocalAgent start(Path binary, Duration timeout) throws IOException {
        Path folder = Files.createTempDirectory("uapispec-agent");
        Path socket = folder.resolve("agent.sock");
        Process process = new ProcessBuilder(binary.toString(), "--listen", socket.toString(), "--once")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            return new LocalAgent(process, folder, connect(process, socket, timeout));
        } catch (IOException | RuntimeException e) {
            stop(process);
            deleteFolder(folder, socket);
            throw e;
        }
    }

    /**
     * The agent this module's jar carries (the build compiles it for the build machine's
     * architecture), copied to an executable temporary file; empty when the build had no gcc.
     *
     * @throws IOException if the copy cannot be written
     */
    public static Optional<Path> bundled() throws IOException {
        try (InputStream in = LocalAgent.class.getResourceAsStream("agent")) {
            if (in == null) {
                return Optional.empty();
            }
            Path file = Files.createTempFile("uapispec-agent", "");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            if (!file.toFile().setExecutable(true, true)) {
                throw new IOException("cannot make " + file + " executable");
            }
            return Optional.of(file);
        }
    }

    /** Connects once the socket exists (the agent renames it into place once it listens); a refusal is retried. */
    private static AgentClient connect(Process process, Path socket, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            if (!process.isAlive()) {
                throw new IOException("the agent exited with status " + process.exitValue() + " before it listened");
            }
            try {
                if (Files.exists(socket)) {
                    return AgentClient.connect(socket, timeout);
                }
            } catch (IOException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("the agent did not listen on " + socket + " within " + timeout);
            }
            sleep();
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the agent", e);
        }
    }

    public AgentClient client() {
        return client;
    }

    /** The agent's operating-system process, for tests that watch it. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            stop(process);
            deleteFolder(folder, folder.resolve("agent.sock"));
        }
    }

    /** Closing the connection ends an agent started with --once; SIGTERM, then SIGKILL, make sure. */
    private static void stop(Process process) {
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteFolder(Path folder, Path socket) {
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind is harmless; the agent's state is gone with it
        }
    }
}
