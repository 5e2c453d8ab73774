package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;

/**
 * {@code spawn(uid:, admin:)} on the kernel backend, in host mode on this machine: each process gets
 * the uid and CAP_SYS_ADMIN the spec asked for, as the kernel reports them (capget) and enforces
 * them (a file only root may read).
 */
class CredentialsTest extends AgentTest {
    private static final long SYS_ADMIN = 1L << 21;
    private static final long CHOWN = 1L;

    @TempDir
    Path folder;
    private Path rootOnly;
    private LinuxBackend backend;

    @BeforeEach
    void backend() throws IOException {
        assumeTrue(HostMachine.runsAsRoot(), "credentials need a root agent");
        backend = new LinuxBackend(client, DriverNodes.scan(client), List.of());
        rootOnly = Files.writeString(folder.resolve("root-only"), "secret");
        Files.setPosixFilePermissions(rootOnly, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Pid spawned(Credentials credentials) {
        Outcome<Pid> pid = backend.spawn(credentials);
        assertThat(pid).as("spawn %s", credentials).isInstanceOf(Outcome.Ok.class);
        return pid instanceof Outcome.Ok<Pid> ok ? ok.value() : null;
    }

    /** Effective, permitted, inheritable. */
    private static long[] capabilities(Pid pid) {
        Reply reply = client.capget(pid);
        assertThat(reply.isOk()).as("capget answered %s", reply).isTrue();
        ByteBuffer masks = ByteBuffer.wrap(reply.data()).order(ByteOrder.LITTLE_ENDIAN);
        return new long[] {masks.getLong(0), masks.getLong(8), masks.getLong(16)};
    }

    private Reply openRootOnly(Pid pid) {
        return client.open(pid, rootOnly.toString(), O_RDONLY, 0);
    }

    @Test
    void rootWithoutAdminHoldsEveryOtherCapability() {
        Pid pid = spawned(new Credentials(0, false));

        long[] sets = capabilities(pid);
        assertThat(sets[0] & SYS_ADMIN).as("effective CAP_SYS_ADMIN").isZero();
        assertThat(sets[1] & SYS_ADMIN).as("permitted CAP_SYS_ADMIN").isZero();
        assertThat(sets[0] & CHOWN).as("effective CAP_CHOWN").isEqualTo(CHOWN);
        assertThat(openRootOnly(pid).isOk()).as("root still reads a root-only file").isTrue();
    }

    @Test
    void anotherUidWithAdminHoldsCapSysAdminAlone() {
        Pid pid = spawned(new Credentials(1000, true));

        assertThat(capabilities(pid)).containsExactly(SYS_ADMIN, SYS_ADMIN, 0);
        assertThat(openRootOnly(pid).errno()).as("CAP_DAC_OVERRIDE is gone with uid 0").contains(Errno.EACCES);
    }

    @Test
    void anotherUidWithoutAdminHoldsNothing() {
        Pid pid = spawned(Credentials.user(1000));

        assertThat(capabilities(pid)).containsExactly(0, 0, 0);
        assertThat(openRootOnly(pid).errno()).contains(Errno.EACCES);
    }

    @Test
    void rootWithAdminIsTheAgentsRoot() {
        Pid pid = spawned(Credentials.ROOT);

        assertThat(capabilities(pid)[0] & SYS_ADMIN).isEqualTo(SYS_ADMIN);
        assertThat(openRootOnly(pid).isOk()).isTrue();
    }
}
