package org.uapispec.device.virtio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.KernelEra;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.VirtioGpuIoctl;
import org.uapispec.device.Machine;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 17: virtio-gpu's own ioctls on a host without virgl, every era on the model (the specs in
 * {@code specs/virtio} run them on Debian's kernels, each scenario's newest era on the model).
 */
class VirtioGpuIoctlsTest {
    private static final long PAGE = Mman.PAGE_SIZE;

    private static Machine machine(String era) {
        return new Machine(Profiles.VIRTIO_GPU.at(KernelEra.byText(era).orElseThrow()));
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("GETPARAM 0 to 10 by era: the params each era knows, answered as QEMU's device offers")
    @CsvSource(delimiter = '|', textBlock = """
            5.10 | EINVAL 0 1 EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL EINVAL
            6.1  | EINVAL 0 1 0 0 0 0 0 EINVAL EINVAL EINVAL
            6.12 | EINVAL 0 1 0 0 0 0 0 0 EINVAL EINVAL
            7.2  | EINVAL 0 1 0 0 0 0 0 0 ENOENT EINVAL
            """)
    void getParam(String era, String answers) {
        Machine m = machine(era);
        Fd f = m.card(m.root);
        StringBuilder got = new StringBuilder();
        for (long param = 0; param <= 10; param++) {
            Outcome<Integer> value = m.ioctl(m.root, f, new VirtioGpuIoctl.GetParam(param));
            got.append(param == 0 ? "" : " ").append(value.isOk() ? value.value().toString() : value.toString());
        }
        assertThat(got.toString()).isEqualTo(answers.trim());
    }

    @Test
    @DisplayName("a 2D resource: page-rounded size, one page for size 0, its own id, mapped at its offset")
    void resource() {
        Machine m = machine("7.2");
        Pid p = m.root;
        Fd f = m.card(p);
        var created = m.ioctl(p, f, create(2, 1, 0, 5000)).value();
        var info = m.ioctl(p, f, new VirtioGpuIoctl.ResourceInfo(created.handle())).value();
        assertThat(info.size()).isEqualTo(2 * PAGE);
        assertThat(info.resHandle()).isEqualTo(created.resHandle());
        var small = m.ioctl(p, f, create(2, 1, 0, 0)).value();
        assertThat(m.ioctl(p, f, new VirtioGpuIoctl.ResourceInfo(small.handle())).value().size()).isEqualTo(PAGE);
        assertThat(small.resHandle()).isNotEqualTo(created.resHandle());
        assertThat(m.ioctl(p, f, new VirtioGpuIoctl.Map(created.handle())).isOk()).isTrue();
        assertThat(m.ioctl(p, f, new VirtioGpuIoctl.Wait(created.handle(), VirtioGpuIoctl.WAIT_NOWAIT)).isOk()).isTrue();
        Machine.assertErrno(m.ioctl(p, f, new VirtioGpuIoctl.Map(new Handle(99))), org.uapispec.api.Errno.ENOENT);
    }

    @ParameterizedTest(name = "target {0}, depth {1}, array {2}, levels {3}, samples {4}: {5}")
    @DisplayName("the 2D checks of RESOURCE_CREATE without virgl")
    @CsvSource(textBlock = """
            2, 1, 1, 0, 0, ok
            2, 0, 0, 1, 1, ok
            0, 1, 1, 0, 0, EINVAL
            3, 1, 1, 0, 0, EINVAL
            2, 2, 1, 0, 0, EINVAL
            2, 1, 2, 0, 0, EINVAL
            2, 1, 1, 2, 0, EINVAL
            2, 1, 1, 0, 2, EINVAL
            """)
    void createChecks(int target, int depth, int arraySize, int lastLevel, int samples, String answer) {
        Machine m = machine("6.12");
        Fd f = m.card(m.root);
        var request = new VirtioGpuIoctl.ResourceCreate(target, 1, 0, 16, 16, depth, arraySize, lastLevel, samples, 0, 0, 0);
        Outcome<?> outcome = m.ioctl(m.root, f, request);
        assertThat(outcome.isOk() ? "ok" : outcome.toString()).isEqualTo(answer);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("the refusals without virgl; on 5.10 blob and context init are past the ioctl table")
    @CsvSource(textBlock = """
            5.10
            6.1
            6.12
            7.2
            """)
    void refusals(String era) {
        Machine m = machine(era);
        Fd f = m.card(m.root);
        VirtioGpuIoctl.Box box = new VirtioGpuIoctl.Box(0, 0, 0, 1, 1, 1);
        Machine.assertErrno(m.ioctl(m.root, f, new VirtioGpuIoctl.TransferFromHost(new Handle(1), box, 0, 0)),
                org.uapispec.api.Errno.ENOSYS);
        Machine.assertErrno(m.ioctl(m.root, f, new VirtioGpuIoctl.Execbuffer(0)), org.uapispec.api.Errno.ENOSYS);
        Machine.assertErrno(m.ioctl(m.root, f, new VirtioGpuIoctl.GetCaps(1, 0, 16)), org.uapispec.api.Errno.ENOSYS);
        Machine.assertErrno(m.ioctl(m.root, f, new VirtioGpuIoctl.ResourceCreateBlob(1, 0, PAGE)),
                org.uapispec.api.Errno.EINVAL);
        Machine.assertErrno(m.ioctl(m.root, f, new VirtioGpuIoctl.ContextInit()), org.uapispec.api.Errno.EINVAL);
    }

    @Test
    @DisplayName("on another driver the model refuses virtio-gpu's numbers rather than guess their ioctl")
    void otherDriver() {
        Machine m = new Machine(Profiles.GENERIC);
        Fd f = m.card(m.root);
        assertThat(m.ioctl(m.root, f, new VirtioGpuIoctl.GetParam(1))).isInstanceOf(Outcome.Refused.class);
    }

    private static VirtioGpuIoctl.ResourceCreate create(int target, int depth, int lastLevel, int size) {
        return new VirtioGpuIoctl.ResourceCreate(target, 1, 0, 64, 64, depth, 1, lastLevel, 0, 0, size, 0);
    }
}
