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
 * in {@code drm.h} and {@code i915_drm.h} (from libdrm-dev, which carries the kernel's uAPI headers) and
 * {@code linux/dma-buf.h}, {@code linux/udmabuf.h} and {@code linux/dma-heap.h} (linux-libc-dev), and they
 * must be exactly the Java side's. Skipped, with the reason, when
 * gcc or the headers are missing ({@code linux/setup/setup-kernels.sh} installs both).
 */
class AbiTest {
    private static final Path DRM_HEADERS = Path.of("/usr/include/libdrm");

    @Test
    void everyRequestNumberSizeAndOffsetIsTheHeaders(@TempDir Path folder) throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(DRM_HEADERS.resolve("drm.h")),
                "AbiTest skipped: no " + DRM_HEADERS + "/drm.h (apt-get install libdrm-dev)");
        Path source = folder.resolve("abi.c");
        Files.writeString(source, program());
        Path binary = folder.resolve("abi");
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-std=c11", "-Wall", "-Werror", "-I" + DRM_HEADERS, "-o", binary.toString(),
                    source.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "AbiTest skipped: gcc is not installed");
            return;
        }
        String compilerOutput = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0).as(compilerOutput).isTrue();
        Process run = new ProcessBuilder(binary.toString()).start();
        List<String> headers = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(headers).containsExactlyElementsOf(expected());
    }

    /** What the program must print, from the Java side's tables. */
    private static List<String> expected() {
        List<String> lines = new ArrayList<>();
        for (Abi.IoctlCode ioctl : Abi.IOCTLS) {
            lines.add(ioctl.name() + " = " + Long.toUnsignedString(ioctl.request()));
        }
        for (Struct struct : structs()) {
            lines.add("sizeof(struct " + struct.name() + ") = " + struct.size());
            for (Struct.Field field : struct.fields()) {
                lines.add(struct.name() + "." + field.name() + " at " + field.offset() + ", " + field.width() + " bytes");
            }
        }
        return lines;
    }

    private static String program() {
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include <drm.h>\n"
                + "#include <drm_mode.h>\n#include <i915_drm.h>\n#include <linux/dma-buf.h>\n"
                + "#include <linux/udmabuf.h>\n#include <linux/dma-heap.h>\n\nint main(void) {\n");
        for (Abi.IoctlCode ioctl : Abi.IOCTLS) {
            c.append("    printf(\"%s = %lu\\n\", \"").append(ioctl.name()).append("\", (unsigned long) ")
                    .append(ioctl.name()).append(");\n");
        }
        for (Struct struct : structs()) {
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

    private static Set<Struct> structs() {
        Set<Struct> structs = new LinkedHashSet<>();
        Abi.IOCTLS.forEach(ioctl -> structs.add(ioctl.struct()));
        structs.addAll(Abi.ELEMENTS);
        return structs;
    }
}
