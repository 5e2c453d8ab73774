package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.ProfileName;

/**
 * Host mode as far as a machine without a GPU can test it: the agent this module's jar carries
 * runs as a local process, answers over its socket, scans the host's DRM nodes, and a scenario's
 * process that opens a node the host lacks gets ENOENT through the {@link org.uapispec.api.Backend} port.
 */
class HostMachineTest {
    @Test
    void aReleaseAnswersAsTheNewestEraAtOrBeforeItsVersion() {
        assertThat(HostMachine.eraOf("6.8.0-45-generic")).isEqualTo(KernelEra.V6_1);
        assertThat(HostMachine.eraOf("6.12.118+deb13-amd64")).isEqualTo(KernelEra.V6_12);
        assertThat(HostMachine.eraOf("6.11.2-arch1-1")).isEqualTo(KernelEra.V6_1);
        assertThat(HostMachine.eraOf("7.2.13+deb14-amd64")).isEqualTo(KernelEra.V7_2);
        assertThat(HostMachine.eraOf("8.1.0")).isEqualTo(KernelEra.V7_2);
        assertThat(HostMachine.eraOf("5.10.0-46-amd64")).isEqualTo(KernelEra.V5_10);
        assertThat(HostMachine.eraOf("4.19.0-27-amd64")).as("older than every era").isEqualTo(KernelEra.V5_10);
    }

    @Test
    void onlyTodaysDriversRunOnAHost() {
        assertThat(HostMachine.driversOf(ProfileName.I915)).containsExactly("i915");
        assertThat(HostMachine.driversOf(ProfileName.GENERIC)).containsExactly("vgem");
        assertThat(HostMachine.driversOf(ProfileName.I915_2014)).isEmpty();
        assertThat(HostMachine.driversOf(ProfileName.EXYNOS_2012)).isEmpty();
    }

    @Test
    void theBundledAgentAnswersAndAMissingNodeIsEnoent() throws IOException {
        Optional<java.nio.file.Path> agent = LocalAgent.bundled();
        assumeTrue(agent.isPresent(), "no agent in the build (gcc was missing)");
        assumeTrue(HostMachine.runsAsRoot(), "host mode needs root");
        try (HostMachine host = new HostMachine(agent.get(), Duration.ofSeconds(30))) {
            assertThat(host.drivers().drivers()).as("the host's DRM drivers, asked").isNotNull();
            Machine.Session session = host.begin(List.of());
            Outcome<Pid> process = session.backend().spawn(Credentials.ROOT);
            assertThat(process).isInstanceOf(Outcome.Ok.class);
            Pid pid = process instanceof Outcome.Ok<Pid> ok ? ok.value() : null;

            assertThat(session.backend().open(pid, Node.card(0))).isEqualTo(Outcome.err(Errno.ENOENT));
            assertThat(session.end().taints()).isEmpty();
        }
    }

    @Test
    void aDriverTheHostLacksIsNamedWithWhatItHas() throws IOException {
        Optional<java.nio.file.Path> agent = LocalAgent.bundled();
        assumeTrue(agent.isPresent(), "no agent in the build (gcc was missing)");
        assumeTrue(HostMachine.runsAsRoot(), "host mode needs root");
        try (HostMachine host = new HostMachine(agent.get(), Duration.ofSeconds(30))) {
            assumeTrue(host.drivers().of("uapispec-no-such-driver").isEmpty());

            assertThatThrownBy(() -> host.begin(List.of("uapispec-no-such-driver")))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("this host (Linux " + System.getProperty("os.version") + ") has no DRM node"
                            + " of driver uapispec-no-such-driver (it has ");
        }
    }
}
