package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;

class ProcessTest extends AgentTest {
    @Test
    void spawnAnswersANewProcessNumberAndItsKernelPid() {
        Reply first = client.spawn();
        Reply second = client.spawn();

        assertThat(second.result()).isEqualTo(first.result() + 1);
        long pid = le64(second.data());
        assertThat(ProcessHandle.of(pid)).hasValueSatisfying(h -> assertThat(h.isAlive()).isTrue());
    }

    @Test
    void aForkedChildSeesACopyOfItsParentsMemory() {
        Pid parent = spawn();
        long addr = mapAnonymous(parent, Mman.PAGE_SIZE);
        client.writeMemory(parent, addr, ascii("parent"));

        Reply fork = client.fork(parent);
        assertThat(fork.isOk()).as("fork answered %s", fork).isTrue();
        Pid child = new Pid((int) fork.result());

        assertThat(client.readMemory(child, addr, 6).data()).isEqualTo(ascii("parent"));
        assertThat(client.writeMemory(child, addr, ascii("child!")).result()).isZero();
        assertThat(client.readMemory(child, addr, 6).data()).isEqualTo(ascii("child!"));
        assertThat(client.readMemory(parent, addr, 6).data()).isEqualTo(ascii("parent"));
    }

    @Test
    void aForkedChildSharesItsParentsOpenFiles() {
        Pid parent = spawn();
        Fd fd = open(parent, "/proc/self/cmdline", O_RDONLY);
        Pid child = new Pid((int) client.fork(parent).result());

        assertThat(client.lseek(child, fd, 3, Mman.SEEK_SET).result()).isEqualTo(3);

        assertThat(client.lseek(parent, fd, 0, Mman.SEEK_CUR).result()).isEqualTo(3);
        assertThat(open(child, "/dev/null", O_RDONLY)).isEqualTo(new Fd(fd.value() + 1));
    }

    @Test
    void aSentFdIsUsableInTheReceiver() {
        Pid sender = spawn();
        Pid receiver = spawn();
        Fd fd = open(sender, "/proc/self/cmdline", O_RDONLY);
        open(receiver, "/dev/null", O_RDONLY);
        assertThat(client.lseek(sender, fd, 5, Mman.SEEK_SET).result()).isEqualTo(5);

        Reply sent = client.sendFd(sender, fd, receiver);

        assertThat(sent.result()).isEqualTo(4);
        Fd received = new Fd((int) sent.result());
        assertThat(client.lseek(receiver, received, 0, Mman.SEEK_CUR).result()).isEqualTo(5);
        assertThat(client.lseek(receiver, received, 2, Mman.SEEK_CUR).result()).isEqualTo(7);
        assertThat(client.lseek(sender, fd, 0, Mman.SEEK_CUR).result()).isEqualTo(7);
    }

    @Test
    void sendingAClosedFdIsEbadfAndToAnUnknownProcessEsrch() {
        Pid sender = spawn();
        Pid receiver = spawn();

        assertThat(client.sendFd(sender, new Fd(42), receiver).errno()).contains(Errno.EBADF);
        Fd fd = open(sender, "/dev/null", O_RDONLY);
        assertThat(client.sendFd(sender, fd, new Pid(999_999)).errno()).contains(Errno.ESRCH);
        assertThat(client.sendFd(sender, fd, Request.AGENT).errno()).contains(Errno.EPERM);
        assertThat(client.open(receiver, "/dev/null", O_RDONLY, 0).result()).isEqualTo(3);
    }

    @Test
    void anExitedProcessIsEsrchAndItsKernelProcessIsGone() {
        Reply spawn = client.spawn();
        Pid process = new Pid((int) spawn.result());
        long pid = le64(spawn.data());

        assertThat(client.exit(process).result()).isZero();

        assertThat(client.call(Request.ping(process)).errno()).contains(Errno.ESRCH);
        assertThat(client.exit(process).errno()).contains(Errno.ESRCH);
        assertThat(ProcessHandle.of(pid)).isEmpty();
    }

    @Test
    void theParentOutlivesItsExitedChild() {
        Pid parent = spawn();
        Pid child = new Pid((int) client.fork(parent).result());

        assertThat(client.exit(child).result()).isZero();

        assertThat(client.call(Request.ping(parent)).result()).isEqualTo(Frames.PROTOCOL_VERSION);
        assertThat(client.call(Request.ping(child)).errno()).contains(Errno.ESRCH);
    }

    /**
     * A process serves its own requests from the host connection (it holds the floor). Killed while
     * it serves one (blocked opening a FIFO that has no writer), the agent answers that request and
     * the ones after it ESRCH, in order, and serves the next request as before.
     */
    @Test
    void aProcessKilledWhileServingARequestAnswersItAndTheRestEsrch(@TempDir Path folder) throws Exception {
        Path fifo = folder.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Reply spawn = client.spawn();
        Pid process = new Pid((int) spawn.result());
        long pid = le64(spawn.data());

        CompletableFuture<List<Reply>> replies = CompletableFuture.supplyAsync(() -> client.pipeline(List.of(
                Request.open(process, fifo.toString(), O_RDONLY, 0),
                Request.ping(process),
                Request.ping(Request.AGENT),
                Request.ping(process))));
        awaitSyscall(pid, OPENAT);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        assertThat(replies.get(30, TimeUnit.SECONDS))
                .extracting(r -> r.errno().map(Errno::name).orElse("ok " + r.result()))
                .containsExactly("ESRCH", "ESRCH", "ok " + Frames.PROTOCOL_VERSION, "ESRCH");
        assertThat(client.call(Request.ping(spawn())).result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    private static final int OPENAT = 257;

    /** Waits until the kernel process is inside the system call (x86-64 numbers, as the agent's guests). */
    private static void awaitSyscall(long pid, int number) throws IOException, InterruptedException {
        Path syscall = Path.of("/proc", Long.toString(pid), "syscall");
        for (int i = 0; i < 3000; i++) {
            String text = Files.readString(syscall);
            if (text.startsWith(number + " ")) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("process " + pid + " never entered system call " + number + ": " + Files.readString(syscall));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
