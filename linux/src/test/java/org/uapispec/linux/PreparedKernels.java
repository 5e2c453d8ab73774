package org.uapispec.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * One dynamic test per kernel that {@code linux/setup/setup-kernels.sh} prepared, named by era and
 * release; without QEMU or prepared kernels, one skipped test and one line that says which is missing.
 */
final class PreparedKernels {
    private PreparedKernels() {
    }

    static Stream<DynamicTest> each(String what, ThrowingConsumer<Kernel> test) {
        Path cache = Kernel.defaultCache();
        List<Kernel> kernels = Kernel.inCache(cache);
        String missing = !Vm.qemuAvailable() ? "qemu-system-x86_64 is not installed"
                : kernels.isEmpty() ? "no kernels are prepared in " + cache : null;
        if (missing != null) {
            String reason = what + " skipped: " + missing + " (run linux/setup/setup-kernels.sh)";
            System.out.println(reason);
            return Stream.of(DynamicTest.dynamicTest("kernels", () -> assumeTrue(false, reason)));
        }
        return kernels.stream().map(kernel -> DynamicTest.dynamicTest(kernel.era() + " (" + kernel.release() + ")",
                () -> test.accept(kernel)));
    }
}
