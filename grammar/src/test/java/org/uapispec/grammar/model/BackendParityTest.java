package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The grammar module may not depend on the device module, so it keeps copies of the backend's
 * names. This test reads the backend's sources in the same repository and fails when they drift.
 */
class BackendParityTest {
    private static final Path API = Path.of("../api/src/main/java/org/uapispec/api");

    private static String source(String file) throws IOException {
        Path path = API.resolve(file);
        assumeTrue(Files.exists(path), "the device module sits next to this one");
        return Files.readString(path);
    }

    private static List<String> enumConstants(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]+)\\(\\d+").matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void errnoAndSignalNamesMatch() throws IOException {
        assertThat(Errno.names()).containsExactlyElementsOf(enumConstants(source("Errno.java")));
        assertThat(Signal.names()).containsExactlyInAnyOrderElementsOf(enumConstants(source("Signal.java")));
    }

    @Test
    void everyOperationNamesAnExistingBackendMethodOrIoctl() throws IOException {
        String backend = source("Backend.java");
        for (Operation op : Operation.values()) {
            String call = op.backendCall();
            if (call.startsWith("Backend.")) {
                String method = call.substring("Backend.".length(), call.indexOf('('));
                assertThat(backend).as(call).containsPattern("\\s" + method + "\\(");
            } else {
                String[] parts = call.split("\\.");
                assertThat(source(parts[0] + ".java")).as(call).contains("record " + parts[1] + "(");
            }
        }
        for (Observation o : Observation.values()) {
            String method = o.backendCall().substring("Backend.".length(), o.backendCall().indexOf('('));
            assertThat(backend).as(o.backendCall()).containsPattern("\\s" + method + "\\(");
        }
    }

    @Test
    void constantValuesMatchTheBackend() throws IOException {
        String mman = source("Mman.java");
        assertThat(mman).contains("MAP_ANONYMOUS = 0x20", "MAP_FIXED = 0x10", "PROT_WRITE = 0x2", "SEEK_END = 2");
        assertThat(SymbolSpace.MAP.lookup("anonymous")).contains(0x20L);
        assertThat(SymbolSpace.MAP.lookup("fixed")).contains(0x10L);
        assertThat(SymbolSpace.WHENCE.lookup("END")).contains(2L);
        assertThat(source("I915Ioctl.java")).contains("USERPTR_UNSYNCHRONIZED = 0x80000000", "DOMAIN_GTT = 0x40");
        assertThat(SymbolSpace.USERPTR.lookup("UNSYNCHRONIZED")).contains(0x80000000L);
        assertThat(SymbolSpace.DOMAIN.lookup("gtt")).contains(0x40L);
        assertThat(source("DrmIoctl.java")).contains("DRM_CLOEXEC = 0x80000", "DRM_RDWR = 0x2");
    }
}
