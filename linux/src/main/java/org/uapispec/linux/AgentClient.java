package org.uapispec.linux;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Fd;
import org.uapispec.api.Pid;

/**
 * A connection to the agent. Each call sends one {@link Request} and returns the kernel's answer as
 * a {@link Reply}; {@link #pipeline} sends many before reading any answer, which saves a round trip
 * per request. Transport failures are {@link AgentException}s; kernel errors never are.
 *
 * <p>Not thread-safe: one scenario drives one client from one thread.
 */
public final class AgentClient implements AutoCloseable {
    /** How long the handshake waits for an answer to one ping before it sends the next. */
    private static final long PING_INTERVAL_NANOS = Duration.ofMillis(100).toNanos();

    private final AgentChannel channel;
    private int nextId = 1;

    private AgentClient(AgentChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to the agent's UNIX socket (its own in host mode, QEMU's end of the virtio port in a
     * guest) and handshakes: the agent may not run yet, and the port may hold bytes from before it
     * did, so the client pings with increasing ids until one is answered, then pings once more and
     * drops every answer before that last one's.
     *
     * @param timeout how long the handshake and, later, each answer may take
     * @throws AgentException if no ping is answered in time, or the agent speaks another protocol
     */
    public static AgentClient connect(Path socket, Duration timeout) throws IOException {
        SocketChannel socketChannel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            socketChannel.connect(UnixDomainSocketAddress.of(socket));
            return over(socketChannel, timeout);
        } catch (IOException | RuntimeException e) {
            socketChannel.close();
            throw e;
        }
    }

    /** Handshakes on a connected channel, whatever has already gone through it. */
    static AgentClient over(SocketChannel socketChannel, Duration timeout) throws IOException {
        AgentClient client = new AgentClient(new AgentChannel(socketChannel, timeout));
        client.handshake(timeout);
        return client;
    }

    private void handshake(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (System.nanoTime() - deadline > 0) {
                throw new AgentException("the agent answered no ping within " + timeout);
            }
            send(Request.ping(Request.AGENT));
        } while (channel.poll(PING_INTERVAL_NANOS, true).isEmpty());
        int last = send(Request.ping(Request.AGENT));
        Reply reply;
        do {
            reply = channel.read();
        } while (reply.id() != last);
        if (reply.result() != Frames.PROTOCOL_VERSION) {
            throw new AgentException("the agent speaks protocol " + reply.result() + ", this client "
                    + Frames.PROTOCOL_VERSION);
        }
    }

    /** Sends the request and waits for its answer. */
    public Reply call(Request request) {
        int id = send(request);
        Reply reply = channel.read();
        if (reply.id() != id) {
            throw new AgentException("answer " + Integer.toUnsignedString(reply.id()) + " to request "
                    + Integer.toUnsignedString(id));
        }
        return reply;
    }

    /**
     * Sends every request, then reads every answer; the answers come in the order of the requests,
     * each matched to its request by id.
     */
    public List<Reply> pipeline(List<Request> requests) {
        Map<Integer, Integer> indexById = new HashMap<>();
        List<ByteBuffer> frames = new ArrayList<>(requests.size());
        for (Request request : requests) {
            int id = nextId();
            indexById.put(id, indexById.size());
            frames.add(Frames.encode(request, id));
        }
        channel.write(frames);
        List<Reply> replies = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Reply reply = channel.read();
            Integer index = indexById.get(reply.id());
            if (index == null || index != i) {
                throw new AgentException("answer " + Integer.toUnsignedString(reply.id()) + " out of order at "
                        + i + " of " + requests.size());
            }
            replies.add(reply);
        }
        return replies;
    }

    int send(Request request) {
        int id = nextId();
        channel.write(Frames.encode(request, id));
        return id;
    }

    /** Ids count up from 1 and wrap past 2^32 - 1, skipping 0 (the agent's id for a frame without one). */
    private int nextId() {
        int id = nextId++;
        if (nextId == 0) {
            nextId = 1;
        }
        return id;
    }

    /** Writes bytes as they are, framed or not: for tests of the agent's handling of bad frames. */
    void sendRaw(byte[] bytes) {
        channel.write(ByteBuffer.wrap(bytes));
    }

    /** The next answer, whatever it answers. */
    Reply receive() {
        return channel.read();
    }

    /** The next answer if one arrives within {@code wait}. */
    Optional<Reply> poll(Duration wait) {
        return channel.poll(wait.toNanos(), false);
    }

    /** The agent's protocol version: {@link Request#ping}. */
    public Reply ping() {
        return call(Request.ping(Request.AGENT));
    }

    /** {@link Request#spawn}. */
    public Reply spawn() {
        return call(Request.spawn());
    }

    /** {@link Request#fork}. */
    public Reply fork(Pid parent) {
        return call(Request.fork(parent));
    }

    /** {@link Request#exit}. */
    public Reply exit(Pid process) {
        return call(Request.exit(process));
    }

    /** {@link Request#setIds}. */
    public Reply setIds(Pid process, long uid, long gid) {
        return call(Request.setIds(process, uid, gid));
    }

    /** {@link Request#capget}. */
    public Reply capget(Pid process) {
        return call(Request.capget(process));
    }

    /** {@link Request#capset}. */
    public Reply capset(Pid process, long effective, long permitted, long inheritable) {
        return call(Request.capset(process, effective, permitted, inheritable));
    }

    /** {@link Request#prctl}. */
    public Reply prctl(Pid process, long option, long arg2, long arg3, long arg4, long arg5) {
        return call(Request.prctl(process, option, arg2, arg3, arg4, arg5));
    }

    /** {@link Request#memfdCreate}. */
    public Reply memfdCreate(Pid process, String name, long flags) {
        return call(Request.memfdCreate(process, name, flags));
    }

    /** {@link Request#ftruncate}. */
    public Reply ftruncate(Pid process, Fd fd, long length) {
        return call(Request.ftruncate(process, fd, length));
    }

    /** {@link Request#fcntl}. */
    public Reply fcntl(Pid process, Fd fd, long command, long arg) {
        return call(Request.fcntl(process, fd, command, arg));
    }

    /** {@link Request#open}. */
    public Reply open(Pid process, String path, long flags, long mode) {
        return call(Request.open(process, path, flags, mode));
    }

    /** {@link Request#close}. */
    public Reply close(Pid process, Fd fd) {
        return call(Request.close(process, fd));
    }

    /** {@link Request#ioctl}. */
    public Reply ioctl(Pid process, Fd fd, long request, byte[] argument) {
        return call(Request.ioctl(process, fd, request, argument));
    }

    /** {@link Request#ioctlValue}. */
    public Reply ioctlValue(Pid process, Fd fd, long request, long value) {
        return call(Request.ioctlValue(process, fd, request, value));
    }

    /** {@link Request#mmap}. */
    public Reply mmap(Pid process, long addr, long length, long prot, long flags, Fd fd, long offset) {
        return call(Request.mmap(process, addr, length, prot, flags, fd, offset));
    }

    /** {@link Request#munmap}. */
    public Reply munmap(Pid process, long addr, long length) {
        return call(Request.munmap(process, addr, length));
    }

    /** {@link Request#mprotect}. */
    public Reply mprotect(Pid process, long addr, long length, long prot) {
        return call(Request.mprotect(process, addr, length, prot));
    }

    /** {@link Request#poll}. */
    public Reply poll(Pid process, Fd fd, long events) {
        return call(Request.poll(process, fd, events));
    }

    /** {@link Request#lseek}. */
    public Reply lseek(Pid process, Fd fd, long offset, long whence) {
        return call(Request.lseek(process, fd, offset, whence));
    }

    /** {@link Request#readMemory}. */
    public Reply readMemory(Pid process, long addr, long length) {
        return call(Request.readMemory(process, addr, length));
    }

    /** {@link Request#writeMemory}. */
    public Reply writeMemory(Pid process, long addr, byte[] data) {
        return call(Request.writeMemory(process, addr, data));
    }

    /** {@link Request#mapped}. */
    public Reply mapped(Pid process, long addr) {
        return call(Request.mapped(process, addr));
    }

    /** {@link Request#sendFd}. */
    public Reply sendFd(Pid from, Fd fd, Pid to) {
        return call(Request.sendFd(from, fd, to));
    }

    /** {@link Request#kmsg}. */
    public Reply kmsg(boolean rewind) {
        return call(Request.kmsg(rewind));
    }

    /** {@link Request#readFile}. */
    public Reply readFile(Pid process, Fd fd, long length) {
        return call(Request.readFile(process, fd, length));
    }

    @Override
    public void close() {
        channel.close();
    }
}
