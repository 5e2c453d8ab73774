package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Pid;

/**
 * Boots each kernel {@code linux/setup/setup-kernels.sh} prepared and talks to its agent: the
 * guest runs the kernel the list says, binds the five DRM drivers a QEMU machine offers, and
 * answers a missing node with ENOENT. Without QEMU or prepared kernels it is one skipped test that
 * says which is missing.
 */
class VmTest {
    private static final Duration BOOT = Duration.ofSeconds(180);
    private static final long O_RDONLY = 0;
    private static final long O_RDWR = 2;
    private static final long PROT_READ = 1;
    private static final long PROT_WRITE = 2;
    private static final long MAP_PRIVATE = 2;
    private static final long MAP_ANONYMOUS = 0x20;
    /** _IOWR('d', 0x00, struct drm_version): 64 bytes. */
    private static final long DRM_IOCTL_VERSION = 0xC040_6400L;

    @TestFactory
    Stream<DynamicTest> eachPreparedKernelBootsAndAnswers() {
        Path cache = Kernel.defaultCache();
        List<Kernel> kernels = Kernel.inCache(cache);
        String missing = !Vm.qemuAvailable() ? "qemu-system-x86_64 is not installed"
                : kernels.isEmpty() ? "no kernels are prepared in " + cache : null;
        if (missing != null) {
            String reason = "kernel tests skipped: " + missing + " (run linux/setup/setup-kernels.sh)";
            System.out.println(reason);
            return Stream.of(DynamicTest.dynamicTest("kernels", () -> assumeTrue(false, reason)));
        }
        return kernels.stream().map(kernel -> DynamicTest.dynamicTest(kernel.era() + " (" + kernel.release() + ")",
                () -> bootsAndAnswers(kernel)));
    }

    private static void bootsAndAnswers(Kernel kernel) throws IOException {
        try (Vm vm = Vm.boot(kernel, BOOT)) {
            AgentClient agent = vm.agent();
            Pid process = new Pid((int) agent.spawn().result());
            assertThat(text(agent, process, "/proc/sys/kernel/osrelease")).isEqualTo(kernel.release() + "\n");
            KernelLog boot = KernelLog.parse(agent.kmsg(true).data());
            assertThat(boot.lines()).anyMatch(line -> line.startsWith("Linux version " + kernel.release() + " "));
            assertThat(boot.taints()).as("the boot warned:%n%s", String.join("\n", boot.lines())).isEmpty();
            long page = agent.mmap(process, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                    new Fd(-1), 0).result();
            List<String> drivers = Stream.of(0, 1, 2, 3, 4).map(card -> driverName(agent, process, card, page))
                    .sorted().toList();
            // The modules were renamed (bochs-drm to bochs, cirrus to cirrus-qemu in 7.2); of the DRM
            // names, bochs kept its old one and cirrus took the new one.
            String cirrus = kernel.era().equals("7.2") ? "cirrus-qemu" : "cirrus";
            assertThat(drivers).containsExactly("bochs-drm", cirrus, "qxl", "vgem", "virtio_gpu");
            assertThat(agent.open(process, "/dev/dri/card5", O_RDWR, 0).errno()).contains(Errno.ENOENT);
        }
    }

    private static String text(AgentClient agent, Pid process, String path) {
        Reply open = agent.open(process, path, O_RDONLY, 0);
        assertThat(open.isOk()).as("open %s: %s", path, open).isTrue();
        Fd fd = new Fd((int) open.result());
        Reply read = agent.readFile(process, fd, 4096);
        agent.close(process, fd);
        return new String(read.data(), StandardCharsets.UTF_8);
    }

    /**
     * The DRM driver name of a card node, from DRM_IOCTL_VERSION: struct drm_version is three ints,
     * padding, then three (size_t length, char pointer) pairs, 64 bytes; the name is written to the
     * guest page at {@code buffer}.
     */
    private static String driverName(AgentClient agent, Pid process, int card, long buffer) {
        Reply open = agent.open(process, "/dev/dri/card" + card, O_RDWR, 0);
        assertThat(open.isOk()).as("open card%d: %s", card, open).isTrue();
        Fd fd = new Fd((int) open.result());
        ByteBuffer version = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        version.putLong(16, 64).putLong(24, buffer);
        Reply reply = agent.ioctl(process, fd, DRM_IOCTL_VERSION, version.array());
        agent.close(process, fd);
        assertThat(reply.isOk()).as("DRM_IOCTL_VERSION on card%d: %s", card, reply).isTrue();
        long length = ByteBuffer.wrap(reply.data()).order(ByteOrder.LITTLE_ENDIAN).getLong(16);
        return new String(agent.readMemory(process, buffer, length).data(), StandardCharsets.US_ASCII);
    }
}
