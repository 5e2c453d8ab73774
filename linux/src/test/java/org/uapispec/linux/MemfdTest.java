package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Memfd;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.UdmabufIoctl;

/**
 * memfd_create, ftruncate and the seals of fcntl through the {@link LinuxBackend} port, on this host's
 * kernel (the memory a udmabuf is made of [105]): the backend runs on the host agent with no DRM
 * driver, which these calls do not need.
 */
class MemfdTest extends AgentTest {
    private static final long PAGE = Mman.PAGE_SIZE;
    /** F_GETFD of include/uapi/asm-generic/fcntl.h, and its FD_CLOEXEC bit. */
    private static final long F_GETFD = 1;
    private static final long FD_CLOEXEC = 1;

    private LinuxBackend backend;
    private Pid process;

    @BeforeEach
    void startProcess() {
        backend = new LinuxBackend(client, DriverNodes.scan(client), List.of());
        process = backend.spawn(Credentials.ROOT).value();
    }

    @AfterEach
    void endProcesses() {
        backend.close();
    }

    @Test
    void memfdCreateAnswersTheNextFdWithTheFlagsAskedFor() {
        Outcome<Fd> memfd = backend.memfdCreate(process, "uapispec", Memfd.MFD_CLOEXEC);

        assertThat(memfd).isEqualTo(Outcome.ok(new Fd(3)));
        assertThat(client.fcntl(process, new Fd(3), F_GETFD, 0).result()).isEqualTo(FD_CLOEXEC);
        assertThat(backend.lseek(process, new Fd(3), 0, Mman.SEEK_END)).as("a new memfd is empty")
                .isEqualTo(Outcome.ok(0L));
    }

    /** The name arrives without trailing bytes: /proc/self/maps shows it as the kernel built it, memfd:NAME. */
    @Test
    void aSharedMappingOfATruncatedMemfdCarriesBytesBetweenMappingsAndNamesTheMemfd() {
        Fd memfd = backend.memfdCreate(process, "uapispec-name", 0).value();
        assertThat(backend.ftruncate(process, memfd, 2 * PAGE)).isEqualTo(Outcome.ok());
        long first = mapShared(memfd, 0, 2 * PAGE);
        long second = mapShared(memfd, PAGE, PAGE);
        byte[] data = "through the memfd".getBytes(StandardCharsets.US_ASCII);

        assertThat(backend.write(process, first + PAGE + 8, data)).isEqualTo(Outcome.ok());

        assertThat(backend.read(process, second + 8, data.length).value()).isEqualTo(data);
        assertThat(backend.lseek(process, memfd, 0, Mman.SEEK_END)).isEqualTo(Outcome.ok(2 * PAGE));
        assertThat(maps()).contains("/memfd:uapispec-name (deleted)");
    }

    @Test
    void withoutAllowSealingTheMemfdHoldsSealSealAndTakesNoSeal() {
        Fd memfd = backend.memfdCreate(process, "unsealable", 0).value();

        assertThat(backend.getSeals(process, memfd)).isEqualTo(Outcome.ok(Memfd.F_SEAL_SEAL));
        assertThat(backend.addSeals(process, memfd, Memfd.F_SEAL_SHRINK)).isEqualTo(Outcome.err(Errno.EPERM));
    }

    @Test
    void aShrinkSealStopsAShrinkingFtruncateButNotAGrowingOne() {
        Fd memfd = backend.memfdCreate(process, "sealed", Memfd.MFD_ALLOW_SEALING).value();
        assertThat(backend.getSeals(process, memfd)).isEqualTo(Outcome.ok(0));
        backend.ftruncate(process, memfd, 2 * PAGE).value();

        assertThat(backend.addSeals(process, memfd, Memfd.F_SEAL_SHRINK)).isEqualTo(Outcome.ok());

        assertThat(backend.getSeals(process, memfd)).isEqualTo(Outcome.ok(Memfd.F_SEAL_SHRINK));
        assertThat(backend.ftruncate(process, memfd, PAGE)).isEqualTo(Outcome.err(Errno.EPERM));
        assertThat(backend.ftruncate(process, memfd, 3 * PAGE)).isEqualTo(Outcome.ok());
    }

    @Test
    void anUnknownFlagIsEinval() {
        assertThat(backend.memfdCreate(process, "flags", 0x100)).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /** MFD_NAME_MAX_LEN is 249 bytes: one more is EINVAL (mm/memfd.c, strnlen_user of 250 with the NUL). */
    @Test
    void aNameLongerThanNameMaxLenIsEinval() {
        assertThat(backend.memfdCreate(process, "n".repeat(Memfd.NAME_MAX_LEN), 0)).isEqualTo(Outcome.ok(new Fd(3)));
        assertThat(backend.memfdCreate(process, "n".repeat(Memfd.NAME_MAX_LEN + 1), 0))
                .isEqualTo(Outcome.err(Errno.EINVAL));
    }

    @Test
    void aFileThatIsNoMemfdTakesNoSeals() {
        Fd file = open(process, "/dev/null", O_RDWR);

        assertThat(backend.getSeals(process, file)).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(backend.addSeals(process, file, Memfd.F_SEAL_SHRINK)).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /**
     * A list count beyond the items given, within the kernel's limit, would make the kernel read past
     * them: refused, never sent. Above the limit it goes to the kernel, which answers before it reads
     * the list (here the file is /dev/null, which knows no udmabuf ioctl: ENOTTY shows it was sent).
     */
    @Test
    void aListCountBeyondTheItemsIsRefusedUnlessItIsAboveTheListLimit() {
        Fd file = open(process, "/dev/null", O_RDWR);
        Fd memfd = backend.memfdCreate(process, "list", Memfd.MFD_ALLOW_SEALING).value();
        List<UdmabufIoctl.Item> one = List.of(new UdmabufIoctl.Item(memfd, 0, PAGE));

        assertThat(backend.ioctl(process, file, new UdmabufIoctl.CreateList(0, 2, one)))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(backend.ioctl(process, file, new UdmabufIoctl.CreateList(0, UdmabufIoctl.LIST_LIMIT, one)))
                .isInstanceOf(Outcome.Refused.class);
        assertThat(backend.ioctl(process, file, new UdmabufIoctl.CreateList(0, UdmabufIoctl.LIST_LIMIT + 1, one)))
                .isEqualTo(Outcome.err(Errno.ENOTTY));
        assertThat(backend.ioctl(process, file, new UdmabufIoctl.CreateList(0, -1, one)))
                .as("a count of 2^32 - 1").isEqualTo(Outcome.err(Errno.ENOTTY));
        assertThat(backend.ioctl(process, file, new UdmabufIoctl.CreateList(0, 0, one)))
                .isEqualTo(Outcome.err(Errno.ENOTTY));
    }

    private long mapShared(Fd memfd, long offset, long length) {
        return backend.mmap(process, new MmapRequest(0, length, READ_WRITE, Mman.MAP_SHARED, memfd, offset)).value();
    }

    private String maps() {
        Fd maps = open(process, "/proc/self/maps", O_RDONLY);
        StringBuilder text = new StringBuilder();
        Reply read;
        while ((read = client.readFile(process, maps, 65536)).result() > 0) {
            text.append(new String(read.data(), StandardCharsets.US_ASCII));
        }
        client.close(process, maps);
        return text.toString();
    }
}
