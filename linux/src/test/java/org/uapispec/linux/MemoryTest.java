package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;
import org.uapispec.api.Signal;

class MemoryTest extends AgentTest {
    private static final long PAGE = Mman.PAGE_SIZE;

    @TempDir
    Path folder;

    @Test
    void bytesWrittenToAnonymousMemoryReadBack() {
        Pid process = spawn();
        long addr = mapAnonymous(process, 2 * PAGE);
        byte[] data = "across the page boundary".getBytes(StandardCharsets.US_ASCII);

        assertThat(client.writeMemory(process, addr + PAGE - 6, data).result()).isZero();
        Reply read = client.readMemory(process, addr + PAGE - 6, data.length);

        assertThat(read.result()).isEqualTo(data.length);
        assertThat(read.data()).isEqualTo(data);
        assertThat(client.readMemory(process, addr, 4).data()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void readingAnUnmappedPageIsSigsegvAtThatPageAndTheSessionGoesOn() {
        Pid process = spawn();
        long addr = mapAnonymous(process, 2 * PAGE);
        assertThat(client.munmap(process, addr + PAGE, PAGE).result()).isZero();

        Reply read = client.readMemory(process, addr + 10, PAGE);

        assertThat(read.signal()).contains(Signal.SIGSEGV);
        assertThat(read.result()).isEqualTo(addr + PAGE);
        assertThat(read.data()).isEmpty();
        assertThat(client.readMemory(process, addr, 1).data()).containsExactly(0);
        assertThat(client.call(Request.ping(process)).result()).isEqualTo(Frames.PROTOCOL_VERSION);
    }

    @Test
    void writingAfterMprotectToReadOnlyIsSigsegvAndReadingStillWorks() {
        Pid process = spawn();
        long addr = mapAnonymous(process, PAGE);
        assertThat(client.writeMemory(process, addr, new byte[] {42}).result()).isZero();

        assertThat(client.mprotect(process, addr, PAGE, Mman.PROT_READ).result()).isZero();
        Reply write = client.writeMemory(process, addr, new byte[] {7});

        assertThat(write.signal()).contains(Signal.SIGSEGV);
        assertThat(write.result()).isEqualTo(addr);
        assertThat(client.readMemory(process, addr, 1).data()).containsExactly(42);
    }

    @Test
    void aFileMappingPastTheEndOfItsFileIsSigbus() throws IOException {
        Path file = Files.writeString(folder.resolve("short"), "x");
        Pid process = spawn();
        Fd fd = open(process, file.toString(), O_RDONLY);
        Reply map = client.mmap(process, 0, 2 * PAGE, Mman.PROT_READ, Mman.MAP_SHARED, fd, 0);
        assertThat(map.isOk()).as("mmap answered %s", map).isTrue();

        assertThat(client.readMemory(process, map.result(), 1).data()).containsExactly('x');
        Reply beyond = client.readMemory(process, map.result() + PAGE, 1);

        assertThat(beyond.signal()).contains(Signal.SIGBUS);
        assertThat(beyond.result()).isEqualTo(map.result() + PAGE);
    }

    @Test
    void mappedAnswersWhetherAPageLiesInAMapping() {
        Pid process = spawn();
        long addr = mapAnonymous(process, 2 * PAGE);
        assertThat(client.munmap(process, addr + PAGE, PAGE).result()).isZero();

        assertThat(client.mapped(process, addr + 123).result()).isEqualTo(1);
        assertThat(client.mapped(process, addr + PAGE).result()).isZero();
        assertThat(client.mapped(process, -PAGE).result()).isZero();
    }

    @Test
    void theKernelsErrnosComeBackAsTheyAre() {
        Pid process = spawn();

        assertThat(client.mmap(process, 0, 0, READ_WRITE, ANONYMOUS_PRIVATE, Fd.NONE, 0).errno()).contains(Errno.EINVAL);
        assertThat(client.munmap(process, 1, PAGE).errno()).contains(Errno.EINVAL);
        assertThat(client.mmap(process, 0, PAGE, Mman.PROT_READ, Mman.MAP_SHARED, new Fd(77), 0).errno())
                .contains(Errno.EBADF);
    }

    @Test
    void aReadLongerThanSixteenMebibytesIsE2bigButSixteenAreCarried() {
        Pid process = spawn();
        long length = Frames.MAX_TRANSFER;
        long addr = mapAnonymous(process, length);

        assertThat(client.readMemory(process, addr, length + 1).errno()).contains(Errno.E2BIG);
        Reply whole = client.readMemory(process, addr, length);
        assertThat(whole.result()).isEqualTo(length);
        assertThat(whole.data()).hasSize((int) length);
    }
}
