package org.uapispec.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layouts and request numbers of {@link Abi} against the kernel's uAPI headers: a C program
 * prints every request number, struct size, field offset and field width as the compiler sees them
 * in {@code drm.h}, {@code i915_drm.h}, {@code virtgpu_drm.h}, {@code qxl_drm.h} and
 * {@code radeon_drm.h} (from libdrm-dev, which carries the kernel's uAPI headers) and {@code linux/dma-buf.h}, {@code linux/udmabuf.h} and
 * {@code linux/dma-heap.h} (linux-libc-dev), and they must be exactly the Java side's. libdrm-dev's {@code virtgpu_drm.h} is
 * older than the layouts the backend sends (no blob resources or context init, a 32-byte execbuffer,
 * transfers without strides), so only the virtio-gpu ioctls it lays out alike are checked here; the
 * request numbers of all of them, which carry 6.12's struct sizes, are checked against numbers
 * worked out by hand from 6.12's header, and every call's answer on the four kernels by VmTest. Skipped, with the reason, when gcc or the headers are missing
 * ({@code linux/setup/setup-kernels.sh} installs both).
 */
class AbiTest {
    private static final Path DRM_HEADERS = Path.of("/usr/include/libdrm");
    /** The virtio-gpu ioctls whose structs libdrm-dev's older virtgpu_drm.h has as 6.12 has them. */
    private static final List<Abi.IoctlCode> VIRTGPU_AS_IN_LIBDRM = List.of(Abi.VIRTGPU_MAP_IOCTL,
            Abi.VIRTGPU_GETPARAM_IOCTL, Abi.VIRTGPU_RESOURCE_CREATE_IOCTL, Abi.VIRTGPU_WAIT_IOCTL,
            Abi.VIRTGPU_GET_CAPS_IOCTL);

    @Test
    void everyRequestNumberSizeAndOffsetIsTheHeaders(@TempDir Path folder) throws IOException, InterruptedException {
        List<Abi.IoctlCode> ioctls = new ArrayList<>(Abi.IOCTLS);
        ioctls.addAll(VIRTGPU_AS_IN_LIBDRM);
        List<Struct> elements = new ArrayList<>(Abi.ELEMENTS);
        elements.add(Abi.VIRTGPU_3D_BOX);
        assertThat(compileAndRun(folder, List.of(DRM_HEADERS), program(ioctls, elements)))
                .containsExactlyElementsOf(expected(ioctls, elements));
    }

    /** Compiles the program with the include folders in their order, runs it and answers its lines. */
    private static List<String> compileAndRun(Path folder, List<Path> includes, String program)
            throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(DRM_HEADERS.resolve("drm.h")),
                "AbiTest skipped: no " + DRM_HEADERS + "/drm.h (apt-get install libdrm-dev)");
        Path source = folder.resolve("abi.c");
        Files.writeString(source, program);
        Path binary = folder.resolve("abi");
        List<String> command = new ArrayList<>(List.of("gcc", "-std=c11", "-Wall", "-Werror"));
        includes.forEach(include -> command.add("-I" + include));
        command.addAll(List.of("-o", binary.toString(), source.toString()));
        Process gcc;
        try {
            gcc = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "AbiTest skipped: gcc is not installed");
            return List.of();
        }
        String compilerOutput = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0).as(compilerOutput).isTrue();
        Process run = new ProcessBuilder(binary.toString()).start();
        List<String> lines = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return lines;
    }

    /** What the program must print, from the Java side's tables. */
    private static List<String> expected(List<Abi.IoctlCode> ioctls, List<Struct> elements) {
        List<String> lines = new ArrayList<>();
        for (Abi.IoctlCode ioctl : ioctls) {
            lines.add(ioctl.name() + " = " + Long.toUnsignedString(ioctl.request()));
        }
        for (Struct struct : structs(ioctls, elements)) {
            lines.add("sizeof(struct " + struct.name() + ") = " + struct.size());
            for (Struct.Field field : struct.fields()) {
                lines.add(struct.name() + "." + field.name() + " at " + field.offset() + ", " + field.width() + " bytes");
            }
        }
        return lines;
    }

    /** A field named {@code box.x} is a member of an inline struct, which offsetof and sizeof take as written. */
    private static String program(List<Abi.IoctlCode> ioctls, List<Struct> elements) {
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include <drm.h>\n"
                + "#include <drm_mode.h>\n#include <i915_drm.h>\n#include <virtgpu_drm.h>\n#include <qxl_drm.h>\n"
                + "#include <radeon_drm.h>\n"
                + "#include <linux/dma-buf.h>\n#include <linux/udmabuf.h>\n#include <linux/dma-heap.h>\n\nint main(void) {\n");
        for (Abi.IoctlCode ioctl : ioctls) {
            c.append("    printf(\"%s = %lu\\n\", \"").append(ioctl.name()).append("\", (unsigned long) ")
                    .append(ioctl.name()).append(");\n");
        }
        for (Struct struct : structs(ioctls, elements)) {
            String type = "struct " + struct.name();
            c.append("    printf(\"sizeof(").append(type).append(") = %zu\\n\", sizeof(").append(type).append("));\n");
            for (Struct.Field field : struct.fields()) {
                c.append("    printf(\"").append(struct.name()).append('.').append(field.name())
                        .append(" at %zu, %zu bytes\\n\", offsetof(").append(type).append(", ").append(field.name())
                        .append("), sizeof(((").append(type).append(" *) 0)->").append(field.name()).append("));\n");
            }
        }
        return c.append("    return 0;\n}\n").toString();
    }

    /**
     * vgem_drm.h is in no Debian package this machine installs, so the vgem requests are compared
     * with the numbers its DRM_IOWR(DRM_COMMAND_BASE + 0x1, struct drm_vgem_fence_attach) and
     * DRM_IOW(DRM_COMMAND_BASE + 0x2, struct drm_vgem_fence_signal) give, worked out by hand: the
     * direction in bits 30-31, the size (16, 8) in bits 16-29, 'd' and the number below.
     */
    @Test
    void theVgemRequestsAreVgemDrmHsNumbers() {
        assertThat(Abi.VGEM_IOCTLS).extracting(Abi.IoctlCode::name, Abi.IoctlCode::request).containsExactly(
                org.assertj.core.groups.Tuple.tuple("DRM_IOCTL_VGEM_FENCE_ATTACH", 0xC0106441L),
                org.assertj.core.groups.Tuple.tuple("DRM_IOCTL_VGEM_FENCE_SIGNAL", 0x40086442L));
    }

    /**
     * The udmabuf and dma-heap requests worked out by hand, for a machine without the headers:
     * _IOW('u', 0x42, 24 bytes), _IOW('u', 0x43, the 8-byte header alone) and _IOWR('H', 0x0, 24 bytes).
     */
    @Test
    void theUdmabufAndHeapRequestsAreTheirHeadersNumbers() {
        assertThat(Abi.UDMABUF_CREATE_IOCTL.request()).isEqualTo(0x40187542L);
        assertThat(Abi.UDMABUF_CREATE_LIST_IOCTL.request()).isEqualTo(0x40087543L);
        assertThat(Abi.DMA_HEAP_IOCTL_ALLOC.request()).isEqualTo(0xC0184800L);
    }

    /**
     * The virtio-gpu requests worked out by hand, for a machine without the headers: DRM_IOWR of
     * DRM_COMMAND_BASE + 0x01 ... 0x0b with 6.12's struct sizes (16, 64, 16, 56, 16, 44, 44, 8, 24, 48, 16).
     */
    @Test
    void theVirtioGpuRequestsAre612sNumbers() {
        assertThat(Abi.VIRTGPU_IOCTLS).extracting(Abi.IoctlCode::request).containsExactly(0xC0106441L, 0xC0406442L,
                0xC0106443L, 0xC0386444L, 0xC0106445L, 0xC02C6446L, 0xC02C6447L, 0xC0086448L, 0xC0186449L, 0xC030644AL,
                0xC010644BL);
    }

    private static Set<Struct> structs(List<Abi.IoctlCode> ioctls, List<Struct> elements) {
        Set<Struct> structs = new LinkedHashSet<>();
        ioctls.forEach(ioctl -> structs.add(ioctl.struct()));
        structs.addAll(elements);
        return structs;
    }
}
