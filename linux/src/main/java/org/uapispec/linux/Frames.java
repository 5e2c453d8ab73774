package org.uapispec.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.uapispec.api.Backend;

/** The frame layout of ../PROTOCOL.md: a 24-byte header, then arguments or data, little-endian. */
final class Frames {
    /** The protocol this client speaks; the agent's ping answers its own. */
    static final int PROTOCOL_VERSION = 3;
    /** {@code "UAPQ"} starts every request; the agent skips bytes until it sees one. */
    static final int REQUEST_MAGIC = 0x51504155;
    /** {@code "UAPA"} starts every answer. */
    static final int ANSWER_MAGIC = 0x41504155;
    static final int HEADER_SIZE = 24;
    /** The agent's bound on one transfer, the same as the Backend's. */
    static final int MAX_TRANSFER = (int) Backend.MAX_TRANSFER;
    /** The largest frame either side accepts: one transfer plus header and arguments. */
    static final int MAX_FRAME = MAX_TRANSFER + 4096;

    private Frames() {}

    /** The request as one buffer, ready to write. */
    static ByteBuffer encode(Request request, int id) {
        int length = HEADER_SIZE + 8 * request.arguments().length + request.bytes().length;
        ByteBuffer frame = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        frame.putInt(REQUEST_MAGIC).putInt(length).putInt(id).putInt(request.op().code())
                .putInt(request.process()).putInt(0);
        for (long argument : request.arguments()) {
            frame.putLong(argument);
        }
        frame.put(request.bytes());
        return frame.flip();
    }
}
