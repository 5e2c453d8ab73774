package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a virtio port can hold when the host connects: the tail of a frame from before the agent ran,
 * and answers to requests nobody waits for any more. The handshake gets past both.
 */
class HandshakeTest extends AgentTest {
    @TempDir
    Path folder;

    @Test
    void theHandshakeSkipsPartialFramesAndDropsStaleAnswers() throws IOException, InterruptedException {
        Path socket = folder.resolve("agent.sock");
        Process agentProcess = new ProcessBuilder(System.getProperty("uapispec.agent"), "--listen", socket.toString(),
                "--once").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (SocketChannel channel = connect(agentProcess, socket)) {
            byte[] ping = Frames.encode(Request.ping(Request.AGENT), 7777).array();
            channel.write(ByteBuffer.wrap(Arrays.copyOfRange(ping, 5, ping.length)));
            channel.write(ByteBuffer.wrap(ping));
            channel.write(ByteBuffer.wrap(ping));

            AgentClient client = AgentClient.over(channel, Duration.ofSeconds(30));

            Reply reply = client.ping();
            assertThat(reply.result()).isEqualTo(Frames.PROTOCOL_VERSION);
            assertThat(reply.id()).isNotEqualTo(7777);
            assertThat(client.poll(Duration.ofMillis(200))).isEmpty();
        } finally {
            agentProcess.destroy();
            agentProcess.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static SocketChannel connect(Process agentProcess, Path socket) throws IOException, InterruptedException {
        for (int i = 0; i < 2000 && !Files.exists(socket) && agentProcess.isAlive(); i++) {
            Thread.sleep(5);
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }
}
