package org.uapispec.engine;

import java.util.Optional;
import org.uapispec.api.KernelEra;
import org.uapispec.linux.Kernel;

/**
 * What one test runs a scenario on: a profile answering as a kernel era, on the reference device or
 * on a real kernel (prepared in a virtual machine, or this host's), and for a kernel run whether the
 * model answers every step beside it.
 *
 * @param profile   the profile, as the spec names it
 * @param era       the era the profile answers as: the kernel's, or the newest on the model alone
 * @param kernel    the kernel the test runs on; empty for a run on the model
 * @param withModel whether the model runs beside the kernel and must agree with it on every step
 */
record Target(String profile, KernelEra era, Optional<RealKernel> kernel, boolean withModel) {

    /** The profile on the model, answering as the newest era. */
    static Target model(String profile) {
        return new Target(profile, KernelEra.newest(), Optional.empty(), false);
    }

    /** The profile on {@code kernel}, with or without the model beside it. */
    static Target kernel(String profile, Kernel kernel, boolean withModel) {
        return new Target(profile, kernel.kernelEra(), Optional.of(new RealKernel.InVm(kernel)), withModel);
    }

    /** The profile on this host's kernel, without the model. */
    static Target host(String profile, RealKernel.OnHost host) {
        return new Target(profile, host.era(), Optional.of(host), false);
    }

    /**
     * How reports name what ran: {@code generic}, {@code generic@5.10} for the model answering as an
     * era other than the newest, {@code generic on Linux 6.1.192-3 (6.1.0-57-amd64)}, or
     * {@code i915 on this host (Linux 6.8.0-45-generic)}.
     */
    String label() {
        return kernel.map(k -> profile + " on " + k.label())
                .orElse(era == KernelEra.newest() ? profile : profile + "@" + era.text());
    }

    /** The kernel as reports name it; empty on the model. */
    String kernelLabel() {
        return kernel.map(RealKernel::label).orElse("");
    }
}
