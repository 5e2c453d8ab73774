package org.uapispec.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Frames over one non-blocking socket channel, read and written directly: the streams of
 * {@code Channels.newInputStream/newOutputStream} share one lock and deadlock a reader against a
 * writer. While a write cannot go on, the answers that have arrived are read into the inbound
 * buffer, so a long pipeline never stalls with both sides waiting to write.
 */
final class AgentChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutNanos;
    /** Received bytes: unparsed ones from {@code start} to the position. */
    private ByteBuffer inbound = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private int start;

    AgentChannel(SocketChannel channel, Duration timeout) throws IOException {
        this.channel = channel;
        this.timeoutNanos = timeout.toNanos();
        channel.configureBlocking(false);
        this.selector = Selector.open();
        this.key = channel.register(selector, 0);
    }

    void write(ByteBuffer frame) {
        write(List.of(frame));
    }

    /** Writes the frames with as few system calls as the socket's buffer allows. */
    void write(List<ByteBuffer> frames) {
        if (frames.isEmpty()) {
            return;
        }
        ByteBuffer[] buffers = frames.toArray(ByteBuffer[]::new);
        ByteBuffer last = buffers[buffers.length - 1];
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            while (last.hasRemaining()) {
                if (channel.write(buffers) == 0) {
                    await(SelectionKey.OP_WRITE | SelectionKey.OP_READ, deadline, "accept a request");
                    if (key.isReadable()) {
                        fill();
                    }
                }
            }
        } catch (IOException e) {
            throw new AgentException("cannot write to the agent: " + e.getMessage(), e);
        }
    }

    /** The next answer, waiting for it up to the timeout. */
    Reply read() {
        return poll(timeoutNanos, false)
                .orElseThrow(() -> new AgentException("no answer from the agent within " + Duration.ofNanos(timeoutNanos)));
    }

    /**
     * The next answer if one arrives within {@code waitNanos}. With {@code skipGarbage}, bytes before an
     * answer's magic are dropped (a virtio port can hold bytes from before the agent started).
     */
    Optional<Reply> poll(long waitNanos, boolean skipGarbage) {
        long deadline = System.nanoTime() + waitNanos;
        try {
            for (;;) {
                Optional<Reply> reply = parse(skipGarbage);
                if (reply.isPresent()) {
                    return reply;
                }
                if (fill() == 0) {
                    if (!await(SelectionKey.OP_READ, deadline, null)) {
                        return Optional.empty();
                    }
                    fill();
                }
            }
        } catch (IOException e) {
            throw new AgentException("cannot read from the agent: " + e.getMessage(), e);
        }
    }

    private Optional<Reply> parse(boolean skipGarbage) {
        int end = inbound.position();
        if (skipGarbage) {
            while (end - start >= 4 && inbound.getInt(start) != Frames.ANSWER_MAGIC) {
                start++;
            }
        }
        if (end - start < Frames.HEADER_SIZE) {
            return Optional.empty();
        }
        int magic = inbound.getInt(start);
        int length = inbound.getInt(start + 4);
        if (magic != Frames.ANSWER_MAGIC || length < Frames.HEADER_SIZE || length > Frames.MAX_FRAME) {
            throw new AgentException(String.format("not an answer: magic 0x%08x, length %d", magic, length));
        }
        if (end - start < length) {
            return Optional.empty();
        }
        byte[] data = new byte[length - Frames.HEADER_SIZE];
        inbound.get(start + Frames.HEADER_SIZE, data);
        Reply reply = new Reply(inbound.getInt(start + 8), inbound.getLong(start + 16), inbound.getInt(start + 12), data);
        start += length;
        return Optional.of(reply);
    }

    /** Reads what has arrived, without waiting; answers the count. */
    private int fill() throws IOException {
        makeRoom();
        int n = channel.read(inbound);
        if (n < 0) {
            throw new AgentException("the agent closed the connection");
        }
        return n;
    }

    /** Drops parsed bytes, and grows the buffer to hold the whole frame that is arriving. */
    private void makeRoom() {
        int pending = inbound.position() - start;
        int needed = pending >= 8 ? Math.max(inbound.getInt(start + 4), pending) : pending;
        if (start > 0 && (inbound.remaining() == 0 || inbound.capacity() - start < needed)) {
            inbound.limit(inbound.position()).position(start);
            inbound.compact();
            start = 0;
        }
        if (inbound.remaining() == 0 || inbound.capacity() < Math.min(needed, Frames.MAX_FRAME)) {
            int capacity = Math.max(inbound.capacity() * 2, Math.min(needed, Frames.MAX_FRAME));
            ByteBuffer bigger = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
            inbound.flip();
            bigger.put(inbound);
            inbound = bigger;
        }
    }

    /** Waits for {@code ops}; false at the deadline, or an exception naming {@code what} if given. */
    private boolean await(int ops, long deadline, String what) throws IOException {
        key.interestOps(ops);
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            selector.selectedKeys().clear();
            if (selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))) > 0) {
                return true;
            }
        }
        if (what != null) {
            throw new AgentException("the agent did not " + what + " within " + Duration.ofNanos(timeoutNanos));
        }
        return false;
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException e) {
            // nothing was pending; closing the channel below is what matters
        }
        try {
            channel.close();
        } catch (IOException e) {
            throw new AgentException("cannot close the connection to the agent", e);
        }
    }
}
