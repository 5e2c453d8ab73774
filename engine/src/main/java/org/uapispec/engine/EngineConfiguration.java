package org.uapispec.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.ConfigurationParameters;
import org.uapispec.api.KernelEra;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.Vm;

/**
 * Every configuration parameter of {@link Constants}, parsed once per discovery into one value: the
 * engine descriptor keeps it, and execution reads it from there. A value that cannot be parsed stops
 * discovery with a message naming the parameter (the backend and kernel eras too: they decide which
 * tests there are); a profile name is checked when a test asks for it, so that the tests fail with
 * the message rather than the run.
 *
 * @param profiles             the profiles the run is limited to ({@link Constants#PROFILES})
 * @param backend              what the scenarios run on ({@link Constants#BACKEND})
 * @param kernels              the kernel eras of the kernel runs ({@link Constants#KERNELS})
 * @param kernelCache          where the prepared kernels are ({@link Constants#KERNEL_CACHE})
 * @param qemu                 the emulator ({@link Constants#QEMU})
 * @param hostAgent            the agent host mode runs, if not the engine's own ({@link Constants#HOST_AGENT})
 * @param parallelism          how many scenarios run at once; empty runs them one by one
 *                             ({@link Constants#PARALLEL_EXECUTION_ENABLED}, {@link Constants#PARALLELISM})
 * @param discoveryParallelism how many threads compile spec files ({@link Constants#DISCOVERY_PARALLELISM})
 * @param allure               whether the engine writes into Allure when it is there ({@link Constants#REPORT_ALLURE})
 */
record EngineConfiguration(ProfileFilter profiles, BackendChoice backend, List<KernelEra> kernels, Path kernelCache,
        String qemu, Optional<Path> hostAgent, OptionalInt parallelism, int discoveryParallelism, boolean allure) {

    /** What the scenarios run on. */
    enum BackendChoice {
        /** The reference device only. */
        MODEL,
        /** Kernels only. */
        KERNEL,
        /** The model, and each kernel run compared step by step with the model. */
        BOTH,
        /** This host's own kernel and DRM nodes only (host mode). */
        HOST;

        boolean runsModel() {
            return this == MODEL || this == BOTH;
        }

        boolean runsKernels() {
            return this == KERNEL || this == BOTH;
        }

        boolean runsHost() {
            return this == HOST;
        }
    }

    EngineConfiguration {
        kernels = List.copyOf(kernels);
    }

    static EngineConfiguration from(ConfigurationParameters parameters) {
        int processors = Runtime.getRuntime().availableProcessors();
        OptionalInt parallelism = parameters.getBoolean(Constants.PARALLEL_EXECUTION_ENABLED).orElse(false)
                ? OptionalInt.of(positive(parameters, Constants.PARALLELISM, processors))
                : OptionalInt.empty();
        return new EngineConfiguration(
                new ProfileFilter(parameters.get(Constants.PROFILES).map(EngineConfiguration::names)),
                backend(parameters),
                eras(parameters),
                parameters.get(Constants.KERNEL_CACHE).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of)
                        .orElseGet(Kernel::defaultCache),
                parameters.get(Constants.QEMU).map(String::trim).filter(s -> !s.isEmpty()).orElse(Vm.QEMU),
                parameters.get(Constants.HOST_AGENT).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of),
                parallelism,
                positive(parameters, Constants.DISCOVERY_PARALLELISM, processors),
                parameters.getBoolean(Constants.REPORT_ALLURE).orElse(true));
    }

    private static BackendChoice backend(ConfigurationParameters parameters) {
        String raw = parameters.get(Constants.BACKEND).map(String::trim).orElse("model");
        return switch (raw) {
            case "model", "reference" -> BackendChoice.MODEL;
            case "kernel" -> BackendChoice.KERNEL;
            case "both" -> BackendChoice.BOTH;
            case "host" -> BackendChoice.HOST;
            default -> throw new JUnitException(Constants.BACKEND + "=" + raw
                    + ": unknown backend (known: model, kernel, both, host)");
        };
    }

    private static List<KernelEra> eras(ConfigurationParameters parameters) {
        Optional<String> raw = parameters.get(Constants.KERNELS).map(String::trim).filter(s -> !s.isEmpty());
        if (raw.isEmpty()) {
            return List.of(KernelEra.values());
        }
        List<KernelEra> eras = new ArrayList<>();
        for (String text : raw.get().split(",")) {
            KernelEra era = KernelEra.byText(text.trim()).orElseThrow(() -> new JUnitException(Constants.KERNELS
                    + "=" + raw.get() + ": unknown kernel era '" + text.trim() + "' (known: "
                    + String.join(", ", KernelEra.texts()) + ")"));
            if (!eras.contains(era)) {
                eras.add(era);
            }
        }
        return eras;
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A positive integer parameter, or {@code fallback} when it is not set. */
    private static int positive(ConfigurationParameters parameters, String key, int fallback) {
        Optional<String> raw = parameters.get(key).map(String::trim);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the parameter's name
        }
        throw new JUnitException(key + "=" + raw.get() + ": must be a positive integer");
    }
}
