package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uapispec.api.Credentials;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Magic;
import org.uapispec.api.Memfd;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.QxlIoctl;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.api.VirtioGpuIoctl;

/**
 * Boots each kernel {@code linux/setup/setup-kernels.sh} prepared and talks to its agent: the
 * guest runs the kernel the list says, binds the six DRM drivers a QEMU machine offers, answers a
 * missing node with ENOENT, hands out dma-bufs from udmabuf and the system heap where Debian
 * builds them in (6.12 and later), and answers virtio-gpu's, qxl's and radeon's ioctls through the
 * backend's layouts.
 * Without QEMU or prepared kernels it is one skipped test that says which is missing.
 */
class VmTest {
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final long O_RDONLY = 0;
    private static final long O_RDWR = 2;
    private static final long PAGE = Mman.PAGE_SIZE;

    @TestFactory
    Stream<DynamicTest> eachPreparedKernelBootsAndAnswers() {
        return PreparedKernels.each("kernel tests", VmTest::bootsAndAnswers);
    }

    private static void bootsAndAnswers(Kernel kernel) throws IOException {
        try (Vm vm = Vm.boot(kernel, BOOT)) {
            AgentClient agent = vm.agent();
            Pid process = new Pid((int) agent.spawn().result());
            assertThat(text(agent, process, "/proc/sys/kernel/osrelease")).isEqualTo(kernel.release() + "\n");
            KernelLog boot = KernelLog.parse(agent.kmsg(true).data());
            assertThat(boot.lines()).anyMatch(line -> line.startsWith("Linux version " + kernel.release() + " "));
            assertThat(boot.taints()).as("the boot warned:%n%s", String.join("\n", boot.lines())).isEmpty();
            List<String> drivers = DriverNodes.scan(agent).drivers().stream().sorted().toList();
            // The modules were renamed (bochs-drm to bochs, cirrus to cirrus-qemu in 7.2); of the DRM
            // names, bochs kept its old one and cirrus took the new one.
            String cirrus = kernel.era().equals("7.2") ? "cirrus-qemu" : "cirrus";
            assertThat(drivers).containsExactly("bochs-drm", cirrus, "qxl", "radeon", "vgem", "virtio_gpu");
            assertThat(agent.open(process, "/dev/dri/card6", O_RDWR, 0).errno()).contains(Errno.ENOENT);
            try (LinuxBackend backend = new LinuxBackend(agent, DriverNodes.scan(agent), List.of())) {
                dmaBufProviders(kernel, backend);
            }
            try (LinuxBackend backend = new LinuxBackend(agent, DriverNodes.scan(agent), "virtio_gpu")) {
                virtioGpu(kernel, backend);
            }
            try (LinuxBackend backend = new LinuxBackend(agent, DriverNodes.scan(agent), "qxl")) {
                qxl(backend);
            }
            try (LinuxBackend backend = new LinuxBackend(agent, DriverNodes.scan(agent), "radeon")) {
                radeon(kernel, backend);
            }
            assertThat(vm.newKernelLog().taints()).isEmpty();
        }
    }

    /**
     * Debian builds udmabuf and the system dma-heap into 6.12 and later (CONFIG_UDMABUF=y,
     * CONFIG_DMABUF_HEAPS_SYSTEM=y) and neither before: a uid-1000 process opens both nodes or gets
     * ENOENT. Where they are, a udmabuf of a SHRINK-sealed memfd shows the memfd's bytes through its
     * shared mapping and refuses a private one [105, 106], and the heap hands out a page.
     */
    private static void dmaBufProviders(Kernel kernel, LinuxBackend backend) {
        Pid user = backend.spawn(new Credentials(1000, false)).value();
        Outcome<Fd> udmabuf = backend.open(user, MiscDevice.UDMABUF);
        Outcome<Fd> heap = backend.open(user, MiscDevice.SYSTEM_HEAP);
        if (!kernel.kernelEra().atLeast(KernelEra.V6_12)) {
            assertThat(List.of(udmabuf, heap)).containsOnly(Outcome.err(Errno.ENOENT));
            return;
        }
        Fd memfd = backend.memfdCreate(user, "udmabuf", Memfd.MFD_ALLOW_SEALING).value();
        assertThat(backend.ftruncate(user, memfd, 2 * PAGE)).isEqualTo(Outcome.ok());
        assertThat(backend.addSeals(user, memfd, Memfd.F_SEAL_SHRINK)).isEqualTo(Outcome.ok());
        long pages = map(backend, user, memfd, 2 * PAGE, Mman.MAP_SHARED).value();
        backend.write(user, pages + PAGE, ascii("udmabuf")).value();
        Fd created = backend.ioctl(user, udmabuf.value(), new UdmabufIoctl.Create(UdmabufIoctl.FLAGS_CLOEXEC,
                new UdmabufIoctl.Item(memfd, 0, 2 * PAGE))).value();
        long mapped = map(backend, user, created, 2 * PAGE, Mman.MAP_SHARED).value();
        assertThat(backend.read(user, mapped + PAGE, 7).value()).isEqualTo(ascii("udmabuf"));
        assertThat(map(backend, user, created, 2 * PAGE, Mman.MAP_PRIVATE)).isEqualTo(Outcome.err(Errno.EINVAL));
        Fd allocated = backend.ioctl(user, heap.value(), new DmaHeapIoctl.Alloc(PAGE,
                (int) (DmaHeapIoctl.O_RDWR | DmaHeapIoctl.O_CLOEXEC), 0)).value();
        assertThat(backend.lseek(user, allocated, 0, Mman.SEEK_END)).isEqualTo(Outcome.ok(PAGE));
    }

    /**
     * virtio-gpu's ioctls through the backend's layouts, on QEMU's 2D device: a parameter read back
     * from the process, a resource of one page (size 0) whose offset maps zeroed memory, a transfer
     * and a wait, and the 3D calls refused as a host without virgl refuses them; CONTEXT_INIT is no
     * ioctl of 5.10 (drm_ioctl's EINVAL) and refused for want of virgl after.
     */
    private static void virtioGpu(Kernel kernel, LinuxBackend backend) {
        Pid root = backend.spawn(Credentials.ROOT).value();
        Fd card = backend.open(root, Node.card(0)).value();
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.GetParam(VirtioGpuIoctl.PARAM_CAPSET_QUERY_FIX)))
                .isEqualTo(Outcome.ok(1));
        Outcome<Integer> blob = backend.ioctl(root, card,
                new VirtioGpuIoctl.GetParam(VirtioGpuIoctl.PARAM_RESOURCE_BLOB));
        assertThat(blob).as("a parameter 5.10 does not know, and QEMU's 2D device lacks")
                .isEqualTo(kernel.kernelEra().atLeast(KernelEra.V6_1) ? Outcome.ok(0) : Outcome.err(Errno.EINVAL));
        VirtioGpuIoctl.ResourceCreate.Result created = backend.ioctl(root, card,
                new VirtioGpuIoctl.ResourceCreate(2, 1, 2, 64, 64, 1, 1, 0, 0, 0, 0, 0)).value();
        assertThat(created.handle()).isEqualTo(new Handle(1));
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.ResourceInfo(created.handle())))
                .isEqualTo(Outcome.ok(new VirtioGpuIoctl.ResourceInfo.Result(PAGE, created.resHandle())));
        MmapOffset offset = backend.ioctl(root, card, new VirtioGpuIoctl.Map(created.handle())).value();
        long mapped = backend.mmap(root, new MmapRequest(0, PAGE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED,
                card, offset.value())).value();
        assertThat(backend.read(root, mapped, PAGE).value()).isEqualTo(new byte[(int) PAGE]);
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.TransferToHost(created.handle(),
                new VirtioGpuIoctl.Box(0, 0, 0, 64, 64, 1), 0, 0))).isEqualTo(Outcome.ok());
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.Wait(created.handle(), 0))).isEqualTo(Outcome.ok());
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.Wait(new Handle(999), 0)))
                .isEqualTo(Outcome.err(Errno.ENOENT));
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.Execbuffer(0))).isEqualTo(Outcome.err(Errno.ENOSYS));
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.GetCaps(1, 0, 16)))
                .isEqualTo(Outcome.err(Errno.ENOSYS));
        assertThat(backend.ioctl(root, card, new VirtioGpuIoctl.ContextInit())).isEqualTo(Outcome.err(Errno.EINVAL));
    }

    /**
     * qxl's ioctls through the backend's layouts, alike on every era: the ROM's parameters as the
     * value in the struct (QEMU's qxl offers 1024 surfaces, 96 relocations), a size of 0 refused, the
     * first object since boot, whose MAP offset is MODE_MAP_DUMB's and maps one page of zeroed VRAM
     * (5.10 and 6.1 do not clear VRAM an earlier object used, so only a first one is sure to be zero),
     * and DRM_AUTH: a uid-1000 file is no master and holds no CAP_SYS_ADMIN, so EACCES until the
     * master authenticates its magic.
     */
    private static void qxl(LinuxBackend backend) {
        Pid root = backend.spawn(Credentials.ROOT).value();
        Fd card = backend.open(root, Node.card(0)).value();
        assertThat(backend.ioctl(root, card, new QxlIoctl.GetParam(QxlIoctl.PARAM_NUM_SURFACES)))
                .isEqualTo(Outcome.ok(1024L));
        assertThat(backend.ioctl(root, card, new QxlIoctl.GetParam(QxlIoctl.PARAM_MAX_RELOCS)))
                .isEqualTo(Outcome.ok(96L));
        assertThat(backend.ioctl(root, card, new QxlIoctl.GetParam(3))).isEqualTo(Outcome.err(Errno.EINVAL));
        assertThat(backend.ioctl(root, card, new QxlIoctl.Alloc(0))).isEqualTo(Outcome.err(Errno.EINVAL));
        Handle allocated = backend.ioctl(root, card, new QxlIoctl.Alloc((int) PAGE)).value();
        assertThat(allocated).isEqualTo(new Handle(1));
        MmapOffset offset = backend.ioctl(root, card, new QxlIoctl.Map(allocated)).value();
        assertThat(backend.ioctl(root, card, new DrmIoctl.ModeMapDumb(allocated, 0))).isEqualTo(Outcome.ok(offset));
        assertThat(backend.ioctl(root, card, new QxlIoctl.Map(new Handle(999)))).isEqualTo(Outcome.err(Errno.ENOENT));
        long mapped = backend.mmap(root, new MmapRequest(0, PAGE, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_SHARED,
                card, offset.value())).value();
        assertThat(backend.read(root, mapped, PAGE).value()).isEqualTo(new byte[(int) PAGE]);
        backend.write(root, mapped, ascii("qxl")).value();
        assertThat(backend.read(root, mapped, 3).value()).isEqualTo(ascii("qxl"));
        Pid user = backend.spawn(new Credentials(1000, false)).value();
        Fd unauthenticated = backend.open(user, Node.card(0)).value();
        QxlIoctl.GetParam surfaces = new QxlIoctl.GetParam(QxlIoctl.PARAM_NUM_SURFACES);
        assertThat(backend.ioctl(user, unauthenticated, surfaces)).isEqualTo(Outcome.err(Errno.EACCES));
        Magic magic = backend.ioctl(user, unauthenticated, new DrmIoctl.GetMagic()).value();
        assertThat(backend.ioctl(root, card, new DrmIoctl.AuthMagic(magic))).isEqualTo(Outcome.ok());
        assertThat(backend.ioctl(user, unauthenticated, surfaces)).isEqualTo(Outcome.ok(1024L));
    }

    /**
     * radeon's ioctls through the backend's layouts: GEM_INFO's three sizes in their fields (the
     * RV100's 512 MiB GTT, 16 MiB of VRAM, 256 KiB of it pinned), an object in system memory whose
     * GEM_MMAP offset (addr_ptr) is MODE_MAP_DUMB's and maps, USERPTR's flags field (no flags is
     * EACCES, READONLY on an RV100 EINVAL) and, from 6.1, a userptr object whose handle comes back
     * and which refuses GEM_MMAP with EPERM (5.10 oopses when it frees one: none is made there).
     */
    private static void radeon(Kernel kernel, LinuxBackend backend) {
        Pid root = backend.spawn(Credentials.ROOT).value();
        Fd card = backend.open(root, Node.card(0)).value();
        assertThat(backend.ioctl(root, card, new RadeonIoctl.GemInfo()))
                .isEqualTo(Outcome.ok(new RadeonIoctl.GemInfo.Result(512L << 20, 16L << 20, (16L << 20) - (256L << 10))));
        Handle object = backend.ioctl(root, card, new RadeonIoctl.GemCreate(2 * PAGE, 0, RadeonIoctl.DOMAIN_CPU, 0))
                .value();
        MmapOffset offset = backend.ioctl(root, card, new RadeonIoctl.GemMmap(object, 0, 0)).value();
        assertThat(backend.ioctl(root, card, new DrmIoctl.ModeMapDumb(object, 0))).isEqualTo(Outcome.ok(offset));
        long mapped = backend.mmap(root, new MmapRequest(0, 2 * PAGE, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_SHARED, card, offset.value())).value();
        backend.write(root, mapped + PAGE, ascii("radeon")).value();
        assertThat(backend.read(root, mapped + PAGE, 6).value()).isEqualTo(ascii("radeon"));
        long anon = backend.mmap(root, new MmapRequest(0, PAGE, Mman.PROT_READ | Mman.PROT_WRITE,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, Fd.NONE, 0)).value();
        assertThat(backend.ioctl(root, card, new RadeonIoctl.GemUserptr(anon, PAGE, 0))).isEqualTo(Outcome.err(Errno.EACCES));
        assertThat(backend.ioctl(root, card, new RadeonIoctl.GemUserptr(anon, PAGE, RadeonIoctl.USERPTR_READONLY)))
                .isEqualTo(Outcome.err(Errno.EINVAL));
        if (!kernel.era().equals("5.10")) {
            Handle userptr = backend.ioctl(root, card, new RadeonIoctl.GemUserptr(anon, PAGE,
                    RadeonIoctl.USERPTR_ANONONLY | RadeonIoctl.USERPTR_REGISTER)).value();
            assertThat(userptr).isEqualTo(new Handle(object.value() + 1));
            assertThat(backend.ioctl(root, card, new RadeonIoctl.GemMmap(userptr, 0, 0))).isEqualTo(Outcome.err(Errno.EPERM));
        }
    }

    private static Outcome<Long> map(LinuxBackend backend, Pid pid, Fd fd, long length, long flags) {
        return backend.mmap(pid, new MmapRequest(0, length, Mman.PROT_READ | Mman.PROT_WRITE, flags, fd, 0));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(AgentClient agent, Pid process, String path) {
        Reply open = agent.open(process, path, O_RDONLY, 0);
        assertThat(open.isOk()).as("open %s: %s", path, open).isTrue();
        Fd fd = new Fd((int) open.result());
        Reply read = agent.readFile(process, fd, 4096);
        agent.close(process, fd);
        return new String(read.data(), StandardCharsets.UTF_8);
    }
}
