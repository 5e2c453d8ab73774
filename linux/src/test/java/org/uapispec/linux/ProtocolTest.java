package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Pid;

class ProtocolTest extends AgentTest {
    private static final int EPROTO = 71;
    private static final int ENOSYS = 38;

    @Test
    void pingAnswersTheProtocolVersion() {
        Reply reply = client.ping();

        assertThat(reply.result()).isEqualTo(Frames.PROTOCOL_VERSION);
        assertThat(reply.signalNumber()).isZero();
        assertThat(reply.data()).isEmpty();
    }

    @Test
    void pingOfAProcessGoesOneHopFurther() {
        Pid process = spawn();

        assertThat(client.call(Request.ping(process)).result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void aProcessTheAgentNeverIssuedIsEsrch() {
        assertThat(client.call(Request.ping(new Pid(987_654))).errno()).contains(Errno.ESRCH);
        assertThat(client.open(new Pid(-1), "/dev/null", O_RDONLY, 0).errno()).contains(Errno.ESRCH);
    }

    @Test
    void theAgentItselfRefusesSyscalls() {
        assertThat(client.open(Request.AGENT, "/dev/null", O_RDONLY, 0).errno()).contains(Errno.EPERM);
    }

    @Test
    void aPayloadTooShortForItsOperationIsEprotoAndTheNextRequestWorks() {
        client.sendRaw(frame(4242, Frames.HEADER_SIZE + 4, Op.OPEN.code(), 1, new byte[4]));

        Reply answer = client.receive();
        assertThat(answer.id()).isEqualTo(4242);
        assertThat(answer.errnoNumber()).isEqualTo(EPROTO);
        assertThat(client.ping().result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void anUnknownOperationIsEnosys() {
        client.sendRaw(frame(4243, Frames.HEADER_SIZE, 99, 0, new byte[0]));

        Reply answer = client.receive();
        assertThat(answer.id()).isEqualTo(4243);
        assertThat(answer.errnoNumber()).isEqualTo(ENOSYS);
    }

    @Test
    void aLengthShorterThanTheHeaderIsEprotoAndConsumesExactlyThatLength() {
        client.sendRaw(Arrays.copyOf(frame(4244, 16, Op.PING.code(), 0, new byte[0]), 16));

        Reply answer = client.receive();
        assertThat(answer.id()).isEqualTo(4244);
        assertThat(answer.errnoNumber()).isEqualTo(EPROTO);
        assertThat(client.ping().result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void aFrameLongerThanSixteenMebibytesIsE2bigAndIsSkippedWhole() {
        int length = Frames.MAX_FRAME + 1;
        byte[] frame = frame(4245, length, Op.WRITE_MEM.code(), 1, new byte[length - Frames.HEADER_SIZE]);
        client.sendRaw(frame);

        Reply answer = client.receive();
        assertThat(answer.id()).isEqualTo(4245);
        assertThat(answer.errno()).contains(Errno.E2BIG);
        assertThat(client.ping().result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void bytesBeforeARequestMagicAreSkipped() {
        client.sendRaw("noise before the frame".getBytes(StandardCharsets.US_ASCII));

        assertThat(client.ping().result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void aThousandPipelinedPingsAreAnsweredInOrder() {
        List<Reply> replies = client.pipeline(Collections.nCopies(1000, Request.ping(Request.AGENT)));

        assertThat(replies).hasSize(1000);
        assertThat(replies).allSatisfy(r -> assertThat(r.result()).isEqualTo(Frames.PROTOCOL_VERSION));
        for (int i = 1; i < replies.size(); i++) {
            assertThat(replies.get(i).id()).isEqualTo(replies.get(i - 1).id() + 1);
        }
    }

    @Test
    void pipelinedRequestsToSeveralProcessesAnswerEach() {
        Pid first = spawn();
        Pid second = spawn();

        List<Reply> replies = client.pipeline(List.of(
                Request.open(first, "/dev/null", O_RDONLY, 0),
                Request.open(second, "/dev/dri/card99", O_RDONLY, 0),
                Request.open(first, "/dev/null", O_RDONLY, 0)));

        assertThat(replies.get(0).result()).isEqualTo(3);
        assertThat(replies.get(1).errno()).contains(Errno.ENOENT);
        assertThat(replies.get(2).result()).isEqualTo(4);
    }

    /**
     * The agent sends a process several requests before it reads the answers (at most 64, 64 KiB):
     * two processes' requests interleaved far past that, with an exit and a large write among them,
     * still answer each one in order with its own value.
     */
    @Test
    void longInterleavedPipelinesAnswerInOrderAcrossAnExit() {
        Pid first = spawn();
        Pid second = spawn();
        Pid doomed = spawn();
        long a = client.mmap(first, 0, 1 << 20, READ_WRITE, ANONYMOUS_PRIVATE, Fd.NONE, 0).result();
        long b = client.mmap(second, 0, 4096, READ_WRITE, ANONYMOUS_PRIVATE, Fd.NONE, 0).result();
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] bytes = {(byte) i, (byte) (i >> 8)};
            requests.add(Request.writeMemory(first, a + 2L * i, bytes));
            requests.add(Request.readMemory(second, b, 1));
            requests.add(Request.mapped(doomed, b));
            if (i == 150) {
                requests.add(Request.exit(doomed));
                requests.add(Request.writeMemory(first, a + 4096, new byte[512 * 1024]));
            }
        }
        for (int i = 0; i < 300; i++) {
            requests.add(Request.readMemory(first, a + 2L * i, 2));
        }
        List<Reply> replies = client.pipeline(requests);

        assertThat(replies).hasSize(requests.size());
        int at = 0;
        for (int i = 0; i < 300; i++) {
            assertThat(replies.get(at++).isOk()).isTrue();
            assertThat(replies.get(at++).data()).containsExactly(0);
            Reply doomedAnswer = replies.get(at++);
            if (i <= 150) {
                assertThat(doomedAnswer.isOk()).as("request %d to the process before its exit", i).isTrue();
            } else {
                assertThat(doomedAnswer.errno()).as("request %d to the process after its exit", i).contains(Errno.ESRCH);
            }
            if (i == 150) {
                assertThat(replies.get(at++).isOk()).as("exit").isTrue();
                assertThat(replies.get(at++).isOk()).as("the large write").isTrue();
            }
        }
        for (int i = 0; i < 300; i++) {
            assertThat(replies.get(at++).data()).as("read %d", i).containsExactly((byte) i, (byte) (i >> 8));
        }
    }

    @Test
    void kmsgAnswersWithoutError() {
        Reply reply = client.kmsg(false);

        assertThat(reply.isOk()).as("kmsg answered %s", reply).isTrue();
        assertThat(reply.result()).isEqualTo(reply.data().length);
        assertThat(new String(reply.data(), StandardCharsets.UTF_8)).matches("(?s)(.*\n)?");
    }

    @Test
    void kmsgRefusesUnknownFlags() {
        assertThat(client.call(Request.kmsg(false)).isOk()).isTrue();
        client.sendRaw(frame(4246, Frames.HEADER_SIZE + 8, Op.KMSG.code(), 0, le64(2)));

        assertThat(client.receive().errno()).contains(Errno.EINVAL);
    }

    private static byte[] le64(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    /** A frame with the given header fields and payload, whatever they say. */
    private static byte[] frame(int id, int length, int op, int process, byte[] payload) {
        return ByteBuffer.allocate(Frames.HEADER_SIZE + payload.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(Frames.REQUEST_MAGIC).putInt(length).putInt(id).putInt(op).putInt(process).putInt(0)
                .put(payload).array();
    }
}
