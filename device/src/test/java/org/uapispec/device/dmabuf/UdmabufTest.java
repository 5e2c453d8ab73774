package org.uapispec.device.dmabuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.api.Backend;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Memfd;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.Signal;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.device.Machine;
import org.uapispec.device.profile.Profiles;

/**
 * Catalogue A.6 [101-108] on the model: memfds and their seals, udmabuf's checks and the pages it
 * shares with the memfd, the system heap. The same calls run as specs on Linux 6.12 and 7.2
 * ({@code specs/udmabuf}); this checks the rules one at a time, and the eras without the nodes.
 */
class UdmabufTest {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    private Machine machine;
    private Backend backend;
    private Pid p;
    private Fd udmabuf;

    @BeforeEach
    void setUp() {
        machine = new Machine(Profiles.GENERIC);
        backend = machine.backend;
        p = machine.root;
        udmabuf = backend.open(p, MiscDevice.UDMABUF).value();
    }

    /** A memfd of {@code pages} pages sealed {@code seals}. */
    private Fd memfd(long pages, int seals) {
        Fd m = backend.memfdCreate(p, "test", Memfd.MFD_ALLOW_SEALING).value();
        assertThat(backend.ftruncate(p, m, pages * PAGE).isOk()).isTrue();
        if (seals != 0) {
            assertThat(backend.addSeals(p, m, seals).isOk()).isTrue();
        }
        return m;
    }

    private Outcome<Fd> create(Fd memfd, long offset, long size) {
        return backend.ioctl(p, udmabuf, new UdmabufIoctl.Create(0, new UdmabufIoctl.Item(memfd, offset, size)));
    }

    private long map(Fd fd, long length, int flags) {
        return backend.mmap(p, new MmapRequest(0, length, RW, flags, fd, 0)).value();
    }

    @Test
    @DisplayName("[108] the dma-buf maps the memfd's own pages, which outlive the memfd's fd")
    void sharesPages() {
        Fd m = memfd(4, Memfd.F_SEAL_SHRINK);
        Fd d = create(m, PAGE, 2 * PAGE).value();
        assertThat(backend.lseek(p, d, 0, Mman.SEEK_END).value()).isEqualTo(2 * PAGE);
        long viaMemfd = map(m, 4 * PAGE, Mman.MAP_SHARED);
        long viaDmaBuf = map(d, 2 * PAGE, Mman.MAP_SHARED);
        backend.write(p, viaMemfd + 2 * PAGE, bytes("memfd"));
        assertThat(backend.read(p, viaDmaBuf + PAGE, 5).value()).isEqualTo(bytes("memfd"));
        backend.write(p, viaDmaBuf, bytes("dma-buf"));
        assertThat(backend.read(p, viaMemfd + PAGE, 7).value()).isEqualTo(bytes("dma-buf"));
        backend.close(p, m);
        backend.munmap(p, viaMemfd, 4 * PAGE);
        assertThat(backend.read(p, viaDmaBuf + PAGE, 5).value()).isEqualTo(bytes("memfd"));
    }

    @ParameterizedTest(name = "offset {0}, size {1}: {2}")
    @DisplayName("[101-103] the ranges: aligned, not empty, inside the memfd, within size_limit_mb")
    @CsvSource(textBlock = """
            0,        4096,     ok
            2048,     4096,     EINVAL
            0,        2048,     EINVAL
            0,        0,        EINVAL
            16384,    4096,     EINVAL
            8192,     16384,    EINVAL
            0,        67112960, EINVAL
            """)
    void ranges(long offset, long size, String answer) {
        Fd m = memfd(4, Memfd.F_SEAL_SHRINK);
        assertThat(answer(create(m, offset, size))).isEqualTo(answer);
    }

    @ParameterizedTest(name = "seals {0}: {1}")
    @DisplayName("[105] F_SEAL_SHRINK wanted; F_SEAL_WRITE and F_SEAL_FUTURE_WRITE denied")
    @CsvSource(textBlock = """
            0,  EINVAL
            2,  ok
            6,  ok
            7,  ok
            10, EINVAL
            18, EINVAL
            """)
    void seals(int seals, String answer) {
        Fd m = memfd(1, seals);
        assertThat(answer(create(m, 0, PAGE))).isEqualTo(answer);
    }

    @Test
    @DisplayName("[104] a closed fd and a file that is no memfd are EBADFD")
    void notMemfd() {
        assertErrno(create(new Fd(999), 0, PAGE), Errno.EBADFD);
        assertErrno(create(udmabuf, 0, PAGE), Errno.EBADFD);
        Fd card = machine.card(p);
        assertErrno(create(card, 0, PAGE), Errno.EBADFD);
    }

    @Test
    @DisplayName("[103, 108] a list joins its ranges; its count is checked against list_limit first")
    void list() {
        Fd m = memfd(2, Memfd.F_SEAL_SHRINK);
        Fd n = memfd(1, Memfd.F_SEAL_SHRINK);
        long mm = map(m, 2 * PAGE, Mman.MAP_SHARED);
        backend.write(p, mm + PAGE, bytes("second page of m"));
        List<UdmabufIoctl.Item> items = List.of(new UdmabufIoctl.Item(n, 0, PAGE), new UdmabufIoctl.Item(m, PAGE, PAGE));
        Fd d = backend.ioctl(p, udmabuf, new UdmabufIoctl.CreateList(0, items)).value();
        long md = map(d, 2 * PAGE, Mman.MAP_SHARED);
        assertThat(backend.read(p, md + PAGE, 16).value()).isEqualTo(bytes("second page of m"));
        assertErrno(backend.ioctl(p, udmabuf, new UdmabufIoctl.CreateList(0, UdmabufIoctl.LIST_LIMIT + 1, items)),
                Errno.EINVAL);
        assertErrno(backend.ioctl(p, udmabuf, new UdmabufIoctl.CreateList(0, 0, items)), Errno.EINVAL);
        assertThat(backend.ioctl(p, udmabuf, new UdmabufIoctl.CreateList(0, 1, items)).value()).isNotNull();
        assertThat(backend.ioctl(p, udmabuf, new UdmabufIoctl.CreateList(0, 3, items)))
                .isInstanceOf(Outcome.Refused.class);
    }

    @Test
    @DisplayName("[106, 108] shared mappings only; pins refuse F_SEAL_WRITE; END before START is EINVAL")
    void mappingPinsAndSync() {
        Fd m = memfd(2, Memfd.F_SEAL_SHRINK);
        Fd d = create(m, 0, 2 * PAGE).value();
        assertErrno(backend.mmap(p, new MmapRequest(0, PAGE, RW, Mman.MAP_PRIVATE, d, 0)), Errno.EINVAL);
        assertErrno(backend.addSeals(p, m, Memfd.F_SEAL_WRITE), Errno.EBUSY);
        assertErrno(backend.ioctl(p, d, new DmaBufIoctl.Sync(DmaBufIoctl.SYNC_END | DmaBufIoctl.SYNC_RW)), Errno.EINVAL);
        assertThat(backend.ioctl(p, d, new DmaBufIoctl.Sync(DmaBufIoctl.SYNC_READ)).isOk()).isTrue();
        assertThat(backend.ioctl(p, d, new DmaBufIoctl.Sync(DmaBufIoctl.SYNC_END | DmaBufIoctl.SYNC_RW)).isOk()).isTrue();
        backend.close(p, d);
        assertThat(backend.addSeals(p, m, Memfd.F_SEAL_WRITE).isOk()).isTrue();
    }

    @Test
    @DisplayName("memfd: F_SEAL_SEAL without ALLOW_SEALING, the size seals, SIGBUS past the size, F_SEAL_WRITE and mappings")
    void memfdSeals() {
        Fd plain = backend.memfdCreate(p, "plain", 0).value();
        assertThat(backend.getSeals(p, plain).value()).isEqualTo(Memfd.F_SEAL_SEAL);
        assertErrno(backend.addSeals(p, plain, Memfd.F_SEAL_SHRINK), Errno.EPERM);
        Fd m = memfd(1, Memfd.F_SEAL_SHRINK | Memfd.F_SEAL_GROW);
        assertErrno(backend.ftruncate(p, m, 0), Errno.EPERM);
        assertErrno(backend.ftruncate(p, m, 2 * PAGE), Errno.EPERM);
        assertErrno(backend.ftruncate(p, m, -1), Errno.EINVAL);
        long a = map(m, 2 * PAGE, Mman.MAP_SHARED);
        assertThat(backend.read(p, a + PAGE, 1)).isEqualTo(Outcome.sig(Signal.SIGBUS));
        assertErrno(backend.addSeals(p, m, Memfd.F_SEAL_WRITE), Errno.EBUSY);
        backend.munmap(p, a, 2 * PAGE);
        assertThat(backend.addSeals(p, m, Memfd.F_SEAL_WRITE).isOk()).isTrue();
        assertErrno(backend.mmap(p, new MmapRequest(0, PAGE, RW, Mman.MAP_SHARED, m, 0)), Errno.EPERM);
        long r = backend.mmap(p, new MmapRequest(0, PAGE, Mman.PROT_READ, Mman.MAP_SHARED, m, 0)).value();
        assertErrno(backend.mprotect(p, r, PAGE, RW), Errno.EACCES);
        assertErrno(backend.memfdCreate(p, "n".repeat(Memfd.NAME_MAX_LEN + 1), 0), Errno.EINVAL);
        assertErrno(backend.addSeals(p, machine.card(p), Memfd.F_SEAL_SHRINK), Errno.EINVAL);
        assertErrno(backend.ftruncate(p, machine.card(p), PAGE), Errno.EINVAL);
    }

    @Test
    @DisplayName("the system heap: zeroed whole pages, fd flags O_ACCMODE and O_CLOEXEC, no heap flag")
    void systemHeap() {
        Fd heap = backend.open(p, MiscDevice.SYSTEM_HEAP).value();
        Fd d = backend.ioctl(p, heap, new DmaHeapIoctl.Alloc(PAGE + 1, (int) DmaHeapIoctl.O_RDWR, 0)).value();
        assertThat(backend.lseek(p, d, 0, Mman.SEEK_END).value()).isEqualTo(2 * PAGE);
        long m = map(d, 2 * PAGE, Mman.MAP_SHARED);
        assertThat(backend.read(p, m + PAGE, 4).value()).isEqualTo(new byte[4]);
        assertErrno(backend.ioctl(p, heap, new DmaHeapIoctl.Alloc(0, (int) DmaHeapIoctl.O_RDWR, 0)), Errno.EINVAL);
        assertErrno(backend.ioctl(p, heap, new DmaHeapIoctl.Alloc(PAGE, 4, 0)), Errno.EINVAL);
        assertErrno(backend.ioctl(p, heap, new DmaHeapIoctl.Alloc(PAGE, 0, 1)), Errno.EINVAL);
        Fd readOnly = backend.ioctl(p, heap, new DmaHeapIoctl.Alloc(PAGE, (int) DmaHeapIoctl.O_CLOEXEC, 0)).value();
        assertErrno(backend.mmap(p, new MmapRequest(0, PAGE, RW, Mman.MAP_SHARED, readOnly, 0)), Errno.EACCES);
        assertThat(backend.ioctl(p, heap, new DrmIoctl.GemClose(new org.uapispec.api.Handle(1))).toString())
                .isEqualTo("EINVAL");
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("Debian's 5.10 and 6.1 have neither node; 6.12 and 7.2 both")
    @CsvSource(textBlock = """
            5.10, ENOENT
            6.1,  ENOENT
            6.12, ok
            7.2,  ok
            """)
    void nodesByEra(String era, String answer) {
        Machine old = new Machine(Profiles.GENERIC.at(KernelEra.byText(era).orElseThrow()));
        assertThat(answer(old.backend.open(old.root, MiscDevice.UDMABUF))).isEqualTo(answer);
        assertThat(answer(old.backend.open(old.root, MiscDevice.SYSTEM_HEAP))).isEqualTo(answer);
    }

    private static String answer(Outcome<?> outcome) {
        return outcome.isOk() ? "ok" : outcome.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
