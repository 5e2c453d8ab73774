package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
