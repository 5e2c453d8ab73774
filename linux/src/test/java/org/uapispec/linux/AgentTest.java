package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;

/**
 * Runs the agent in host mode for the tests of one class. The build compiles it into
 * target/classes/org/uapispec/linux/agent; without gcc it is not there and every agent test is skipped.
 */
abstract class AgentTest {
    static final long O_RDONLY = 0;
    static final long O_RDWR = 2;
    static final long ANONYMOUS_PRIVATE = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
    static final long READ_WRITE = Mman.PROT_READ | Mman.PROT_WRITE;

    private static LocalAgent agent;
    static AgentClient client;

    private static final Path BINARY = Path.of(System.getProperty("uapispec.agent", "target/classes/org/uapispec/linux/agent"));

    @BeforeAll
    static void startAgent() throws IOException {
        if (Files.isExecutable(BINARY)) {
            agent = LocalAgent.start(BINARY, Duration.ofSeconds(30));
            client = agent.client();
        }
    }

    /** Each test is counted as skipped, not absent, when there is no agent. */
    @BeforeEach
    void requireAgent() {
        assumeTrue(agent != null, "agent tests skipped: no agent binary at " + BINARY
                + " (the build compiles it with gcc; is gcc installed?)");
    }

    @AfterAll
    static void stopAgent() {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    /** A fresh process; a failure here is a failure of the test. */
    static Pid spawn() {
        Reply reply = client.spawn();
        assertThat(reply.isOk()).as("spawn answered %s", reply).isTrue();
        return new Pid((int) reply.result());
    }

    static Fd open(Pid process, String path, long flags) {
        Reply reply = client.open(process, path, flags, 0);
        assertThat(reply.isOk()).as("open %s answered %s", path, reply).isTrue();
        return new Fd((int) reply.result());
    }

    /** Anonymous private read-write pages. */
    static long mapAnonymous(Pid process, long length) {
        Reply reply = client.mmap(process, 0, length, READ_WRITE, ANONYMOUS_PRIVATE, Fd.NONE, 0);
        assertThat(reply.isOk()).as("mmap answered %s", reply).isTrue();
        return reply.result();
    }

    static long le64(byte[] data) {
        return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
