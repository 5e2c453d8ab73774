package org.uapispec.engine;

import java.util.List;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.linux.HostMachine;
import org.uapispec.linux.Kernel;
import org.uapispec.linux.KernelMachine;

/**
 * A real kernel a test runs a scenario on: a prepared kernel booted in a virtual machine, or this
 * host's own kernel (host mode). Each names its tests' unique-id segment, its label in reports, and
 * the resource that lets one scenario at a time use it.
 */
sealed interface RealKernel {
    /** The era the kernel answers as, which picks a spec's era outcomes. */
    KernelEra era();

    /** How reports name it: {@code Linux 6.1.192-3 (6.1.0-57-amd64)}, {@code this host (Linux 6.8.0-45-generic)}. */
    String label();

    /** The type of a run's unique-id segment: {@code kernel} or {@code host}. */
    String segmentType();

    /** A run's unique-id segment value: the profile and the kernel, {@code generic@6.1.192-3}. */
    String segmentValue(String profile);

    /** The exclusive resource its runs share: one scenario at a time per machine. */
    String resource();

    /** The DRM drivers whose nodes stand for a profile's devices 0, 1, ... there; empty if it cannot run there. */
    List<String> driversOf(ProfileName profile);

    /** A prepared kernel in a virtual machine, named by its package version. */
    record InVm(Kernel kernel) implements RealKernel {
        static final String SEGMENT = "kernel";

        @Override
        public KernelEra era() {
            return kernel.kernelEra();
        }

        @Override
        public String label() {
            return kernel.label();
        }

        @Override
        public String segmentType() {
            return SEGMENT;
        }

        @Override
        public String segmentValue(String profile) {
            return profile + "@" + kernel.packageVersion();
        }

        @Override
        public String resource() {
            return "uapispec.kernel." + kernel.release();
        }

        @Override
        public List<String> driversOf(ProfileName profile) {
            return KernelMachine.driversOf(profile);
        }
    }

    /** This host's kernel, named by its release ({@code uname -r}). */
    record OnHost(String release, KernelEra era) implements RealKernel {
        static final String SEGMENT = "host";

        @Override
        public String label() {
            return "this host (Linux " + release + ")";
        }

        @Override
        public String segmentType() {
            return SEGMENT;
        }

        @Override
        public String segmentValue(String profile) {
            return profile + "@" + release;
        }

        @Override
        public String resource() {
            return "uapispec.host";
        }

        @Override
        public List<String> driversOf(ProfileName profile) {
            return HostMachine.driversOf(profile);
        }
    }
}
