package org.uapispec.device.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.reference.ReferenceDevice;

/**
 * Issue 17: the four guest drivers beside vgem, each era as Debian's kernels answered when measured
 * (the same calls run as specs on 5.10, 6.1, 6.12 and 7.2 with {@code -Duapispec.backend=both}). The
 * model's spec runs check the newest era of each scenario; this table checks every era on the model
 * alone, with vgem as device 1 as on the kernel.
 */
class GuestDriversTest {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    @ParameterizedTest(name = "{0}@{1}")
    @DisplayName("render node, PRIME cap, 8 bpp dumb, MAP_PRIVATE, a mapped object's offset after close, vgem import")
    @CsvSource(textBlock = """
            virtio-gpu, 5.10, ok,     3, EINVAL, EINVAL, EACCES, EINVAL
            virtio-gpu, 6.1,  ok,     3, EINVAL, EINVAL, EACCES, ENODEV
            virtio-gpu, 6.12, ok,     3, EINVAL, EINVAL, EACCES, ENODEV
            virtio-gpu, 7.2,  ok,     3, EINVAL, EINVAL, EACCES, ENODEV
            bochs,      5.10, ENOENT, 0, ok,     ok,     EINVAL, ENOSYS
            bochs,      6.1,  ENOENT, 0, ok,     EINVAL, EINVAL, ENOSYS
            bochs,      6.12, ENOENT, 3, ok,     EINVAL, EINVAL, EINVAL
            bochs,      7.2,  ENOENT, 3, ok,     EINVAL, EACCES, ok
            qxl,        5.10, ENOENT, 3, EINVAL, ok,     EINVAL, ENOSYS
            qxl,        6.1,  ENOENT, 3, EINVAL, EINVAL, EINVAL, ENOSYS
            qxl,        6.12, ENOENT, 3, EINVAL, EINVAL, EINVAL, ENOSYS
            qxl,        7.2,  ENOENT, 3, EINVAL, EINVAL, EACCES, ENOSYS
            cirrus,     5.10, ENOENT, 3, ok,     EINVAL, EACCES, ok
            cirrus,     6.1,  ENOENT, 3, ok,     EINVAL, EACCES, ok
            cirrus,     6.12, ENOENT, 3, ok,     EINVAL, EACCES, ok
            cirrus,     7.2,  ENOENT, 3, ok,     EINVAL, EACCES, ok
            """)
    void answersAsMeasured(String name, String era, String render, long primeCap, String bpp8, String privateMap,
            String afterClose, String importVgem) {
        Profile profile = Profiles.byName(name).orElseThrow().at(KernelEra.byText(era).orElseThrow());
        Backend backend = new ReferenceDevice(List.of(profile, Profiles.GENERIC.at(KernelEra.byText(era).orElseThrow())));
        Pid p = backend.spawn(Credentials.ROOT).value();
        Fd f = backend.open(p, Node.card(0)).value();
        Fd v = backend.open(p, Node.card(1)).value();

        assertThat(answer(backend.open(p, Node.render(0)))).as("open(render)").isEqualTo(render);
        assertThat(backend.ioctl(p, f, new DrmIoctl.GetCap(DrmIoctl.CAP_PRIME)).value()).as("PRIME cap").isEqualTo(primeCap);
        assertThat(answer(backend.ioctl(p, f, new DrmIoctl.ModeCreateDumb(1, 64, 8, 0)))).as("8 bpp").isEqualTo(bpp8);

        Handle h = backend.ioctl(p, f, new DrmIoctl.ModeCreateDumb(1, 1024, 32, 0)).value().handle();
        long off = backend.ioctl(p, f, new DrmIoctl.ModeMapDumb(h)).value().value();
        assertThat(answer(backend.mmap(p, new MmapRequest(0, PAGE, RW, Mman.MAP_PRIVATE, f, off))))
                .as("MAP_PRIVATE").isEqualTo(privateMap);
        long m = backend.mmap(p, MmapRequest.shared(f, off, PAGE, RW)).value();
        backend.ioctl(p, f, new DrmIoctl.GemClose(h)).value();
        assertThat(answer(backend.mmap(p, MmapRequest.shared(f, off, PAGE, Mman.PROT_READ))))
                .as("mmap after the last close, while mapped").isEqualTo(afterClose);
        assertThat(backend.read(p, m, 1).isOk()).as("the first mapping still reads").isTrue();

        Handle b = backend.ioctl(p, v, new DrmIoctl.ModeCreateDumb(1, 1024, 32, 0)).value().handle();
        Fd d = backend.ioctl(p, v, new DrmIoctl.PrimeHandleToFd(b, 0)).value();
        assertThat(answer(backend.ioctl(p, f, new DrmIoctl.PrimeFdToHandle(d)))).as("import of vgem's dma-buf")
                .isEqualTo(importVgem);
    }

    private static String answer(Outcome<?> outcome) {
        return outcome instanceof Outcome.Err<?> err ? err.errno().name() : outcome.isOk() ? "ok" : outcome.toString();
    }
}
