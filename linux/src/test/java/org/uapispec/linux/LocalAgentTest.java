package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class LocalAgentTest extends AgentTest {
    @Test
    void closingTheClientEndsTheAgentAndEveryProcessItStarted()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        LocalAgent second = LocalAgent.start(Path.of(System.getProperty("uapispec.agent")), Duration.ofSeconds(30));
        ProcessHandle process = ProcessHandle.of(le64(second.client().spawn().data())).orElseThrow();
        ProcessHandle agentProcess = second.handle();

        second.close();

        assertThat(agentProcess.isAlive()).isFalse();
        assertThat(process.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    }
}
