package org.uapispec.grammar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.uapispec.api.ProfileName;

/** The call table is consistent, and the README's reference lists what the code knows. */
class CallTableTest {

    @Test
    void namesAreUniqueAndParametersToo() {
        assertThat(Operation.names()).doesNotHaveDuplicates();
        for (Operation op : Operation.values()) {
            assertThat(op.params()).extracting(Param::name).as(op.languageName()).doesNotHaveDuplicates()
                    .doesNotContain("by");
            assertThat(Observation.byName(op.languageName())).isEmpty();
        }
    }

    /** What {@code retry} may repeat: every call on a DRM file or dma-buf that is an ioctl, no system call. */
    @Test
    void theSystemCallsAreTheOnlyCallsThatAreNoIoctls() {
        assertThat(Arrays.stream(Operation.values()).filter(op -> !op.isIoctl()).map(Operation::languageName))
                .containsExactly("spawn", "fork", "exit", "open", "close", "memfd_create", "ftruncate", "add_seals",
                        "get_seals", "mmap", "munmap", "mprotect", "read", "write", "poll", "lseek");
    }

    @Test
    void theTableHasTheExpectedShapeForKeyCalls() {
        Operation create = Operation.byName("gem_create").orElseThrow();
        assertThat(create.result()).contains(ValueType.HANDLE);
        assertThat(create.fields()).containsEntry("size", ValueType.INT);
        Operation mmap = Operation.MMAP;
        assertThat(mmap.params()).extracting(Param::name)
                .containsExactly("process", "len", "prot", "flags", "addr", "fd", "offset");
        assertThat(mmap.param("fd").orElseThrow().defaultValue()).isEqualTo(new Value.None());
        assertThat(Operation.GEM_CLOSE.closes()).contains("handle");
        assertThat(Operation.CLOSE.closes()).contains("fd");
        assertThat(Operation.EXIT.closes()).contains("process");
        assertThat(Operation.MMAP.takesProcess()).isTrue();
        assertThat(Operation.EXECBUF.acceptsBy()).isTrue();
        assertThat(Operation.SPAWN.acceptsBy()).isFalse();
    }

    @Test
    void rawIntsStandForNumbersAndDescriptorsButNeverForProcesses() {
        Param handle = Operation.GEM_CLOSE.param("handle").orElseThrow();
        Param file = Operation.GEM_CLOSE.param("file").orElseThrow();
        Param process = Operation.OPEN.param("process").orElseThrow();
        assertThat(handle.accepts(ValueType.INT)).isTrue();
        assertThat(handle.accepts(ValueType.FILE)).isFalse();
        assertThat(file.accepts(ValueType.INT)).isTrue();
        assertThat(file.accepts(ValueType.HANDLE)).isFalse();
        assertThat(process.accepts(ValueType.INT)).isFalse();
        assertThat(ValueType.FILE.isNumeric()).isFalse();
    }

    @Test
    void readmeDocumentsEveryCallObservationProfileAndSymbol() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Operation op : Operation.values()) {
            assertThat(readme).as("call %s", op.languageName()).contains("| `" + op.languageName() + "(");
        }
        for (Observation o : Observation.values()) {
            assertThat(readme).as("observation %s", o.languageName()).contains("`" + o.languageName() + "(");
        }
        for (String profile : ProfileName.texts()) {
            assertThat(readme).contains("`" + profile + "`");
        }
        Set<String> symbols = new HashSet<>();
        Arrays.stream(SymbolSpace.values()).forEach(s -> symbols.addAll(s.symbols().keySet()));
        for (String symbol : symbols) {
            assertThat(readme).as("symbol %s", symbol).contains("`" + symbol + "`");
        }
    }
}
