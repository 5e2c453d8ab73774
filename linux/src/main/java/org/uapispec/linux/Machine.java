package org.uapispec.linux;

import java.io.IOException;
import java.util.List;
import org.uapispec.api.KernelEra;

/**
 * A Linux system the suites run scenarios on, one at a time, through the agent: a prepared kernel
 * in a virtual machine ({@link KernelMachine}) or this host's own kernel ({@link HostMachine}).
 */
public interface Machine extends AutoCloseable {
    /** How reports name the system: {@code Linux 6.1.192-3 (6.1.0-57-amd64)}, {@code this host (Linux 6.8.0-45-generic)}. */
    String label();

    /** The era the system's kernel answers as. */
    KernelEra kernelEra();

    /**
     * Starts a scenario on {@code drivers} (the spec's devices 0, 1, ...), starting the system's agent
     * first if it is not running.
     *
     * @throws IOException when the system cannot start, or has no node of one of the drivers
     */
    Session begin(List<String> drivers) throws IOException;

    @Override
    void close();

    /** One scenario on the machine: its backend, and the kernel log lines it caused. */
    interface Session {
        LinuxBackend backend();

        /** The log lines the kernel printed during the scenario so far, and forgets them. */
        List<String> newLogLines();

        /** Ends the scenario's processes and returns the kernel log lines it caused. */
        KernelLog end();
    }
}
