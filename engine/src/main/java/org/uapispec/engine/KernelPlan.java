package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelMachine;
import org.uapispec.linux.Vm;

/**
 * The kernels a run uses, found at discovery: for the {@code kernel} and {@code both} backends, the
 * prepared kernel of each configured era; the eras that cannot run (no QEMU, or not prepared) are
 * named in one reason, which discovery turns into one skipped test.
 *
 * @param kernels     the kernels to run on, in the configured order
 * @param qemu        the emulator that boots them
 * @param unavailable why some configured eras do not run, if any do not
 */
record KernelPlan(List<Kernel> kernels, String qemu, Optional<String> unavailable) {
    static final KernelPlan NONE = new KernelPlan(List.of(), Vm.QEMU, Optional.empty());

    KernelPlan {
        kernels = List.copyOf(kernels);
    }

    static KernelPlan of(EngineConfiguration configuration) {
        if (!configuration.backend().runsKernels()) {
            return NONE;
        }
        String setup = "; run linux/setup/setup-kernels.sh " + String.join(" ",
                configuration.kernels().stream().map(KernelEra::text).toList()) + " to prepare them";
        String qemu = configuration.qemu();
        if (!Vm.qemuAvailable(qemu)) {
            return new KernelPlan(List.of(), qemu, Optional.of("kernel tests not run: " + qemu
                    + (qemu.contains("/") ? " is not an executable file" : " is not on the PATH") + setup));
        }
        List<Kernel> prepared;
        try {
            prepared = Kernel.inCache(configuration.kernelCache());
        } catch (RuntimeException e) {
            return new KernelPlan(List.of(), qemu, Optional.of("kernel tests not run: " + e.getMessage()));
        }
        List<Kernel> kernels = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (KernelEra era : configuration.kernels()) {
            Optional<Kernel> kernel = prepared.stream().filter(k -> k.kernelEra() == era).findFirst();
            kernel.ifPresentOrElse(kernels::add, () -> missing.add(era.text()));
        }
        return new KernelPlan(kernels, qemu, missing.isEmpty() ? Optional.empty()
                : Optional.of("kernel tests not run on Linux " + String.join(", ", missing) + ": not prepared in "
                        + configuration.kernelCache() + setup));
    }

    /** Whether {@code profile} runs on kernels here: a driver of its binds under QEMU. */
    static boolean runsOnKernels(String profile) {
        return ProfileName.byText(profile).map(KernelMachine::driversOf).filter(d -> !d.isEmpty()).isPresent();
    }
}
