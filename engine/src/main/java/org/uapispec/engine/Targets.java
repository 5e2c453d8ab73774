package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.linux.Kernel;

/**
 * The tests a scenario is run as: with the {@code model} and {@code both} backends one per profile
 * on the model (as the newest era the scenario runs that profile on), and with {@code kernel} and
 * {@code both} one per profile and kernel, for the profiles whose driver binds under QEMU
 * ({@link KernelPlan#runsOnKernels}) and the kernels of the eras the scenario runs them on; with
 * {@code host}, one per profile whose driver this host has ({@link KernelPlan#runsOnHost}), if the
 * scenario runs it on the host kernel's era. A scenario is itself its test when {@link #isSingleTest};
 * otherwise each run is a test under it.
 */
record Targets(ProfileFilter filter, EngineConfiguration.BackendChoice backend, KernelPlan plan) {
    /** The segment type of a prepared kernel's run's unique id; its value is {@link RealKernel#segmentValue}. */
    static final String KERNEL_SEGMENT = RealKernel.InVm.SEGMENT;

    static Targets of(EngineConfiguration configuration, KernelPlan plan) {
        return new Targets(configuration.profiles(), configuration.backend(), plan);
    }

    /** Every run of {@code scenario}: model runs first, by profile, then kernel runs by profile and kernel. */
    List<Target> of(Scenario scenario) {
        List<String> profiles = filter.profilesOf(scenario);
        List<Target> targets = new ArrayList<>();
        if (backend.runsModel()) {
            profiles.forEach(p -> targets.add(modelRun(scenario, p)));
        }
        if (backend.runsKernels()) {
            for (String profile : profiles) {
                if (KernelPlan.runsOnKernels(profile)) {
                    for (Kernel kernel : plan.kernels()) {
                        if (scenario.runsOn(profile, kernel.kernelEra())) {
                            targets.add(Target.kernel(profile, kernel,
                                    backend == EngineConfiguration.BackendChoice.BOTH));
                        }
                    }
                }
            }
        }
        plan.host().ifPresent(host -> {
            for (String profile : profiles) {
                if (plan.runsOnHost(profile) && scenario.runsOn(profile, host.kernel().era())) {
                    targets.add(Target.host(profile, host.kernel()));
                }
            }
        });
        return targets;
    }

    /**
     * The model's run of a profile: as the newest era, or for a scenario limited to some eras of the
     * profile ({@code profiles [generic@5.10]}), as the newest of those.
     */
    private static Target modelRun(Scenario scenario, String profile) {
        Target newest = Target.model(profile);
        if (scenario.runsOn(profile, newest.era())) {
            return newest;
        }
        KernelEra latest = null;
        for (KernelEra era : scenario.eras(profile)) {
            latest = era;
        }
        return latest == null ? newest : new Target(profile, latest, Optional.empty(), false);
    }

    boolean runsAny(Scenario scenario) {
        return !of(scenario).isEmpty();
    }

    /**
     * Whether the scenario is itself its one test: with the {@code model} backend, a scenario that
     * names one profile. It depends on neither the profile filter nor the kernels prepared, so that a
     * test keeps its unique id whatever else the run selects.
     */
    boolean isSingleTest(Scenario scenario) {
        return backend == EngineConfiguration.BackendChoice.MODEL && scenario.profiles().size() == 1;
    }

    /**
     * A run's unique id below its scenario's: {@code [profile:generic]} on the model,
     * {@code [kernel:generic@6.1.192-3]} on a prepared kernel, {@code [host:i915@6.8.0-45-generic]} on this host.
     */
    static UniqueId idOf(UniqueId scenario, Target target) {
        return target.kernel().map(k -> scenario.append(k.segmentType(), k.segmentValue(target.profile())))
                .orElseGet(() -> scenario.append(ProfileDescriptor.SEGMENT, target.profile()));
    }

    /** The run of {@code scenario} a unique id's last segment names, if it runs. */
    Optional<Target> named(Scenario scenario, String type, String value) {
        return of(scenario).stream()
                .filter(t -> t.kernel().isEmpty() ? type.equals(ProfileDescriptor.SEGMENT) && t.profile().equals(value)
                        : type.equals(t.kernel().get().segmentType())
                                && t.kernel().get().segmentValue(t.profile()).equals(value))
                .findFirst();
    }
}
