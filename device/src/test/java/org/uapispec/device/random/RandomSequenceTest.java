package org.uapispec.device.random;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.KernelEra;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 14, item 4: a seeded random sequence of calls drives the backend on every profile, and the
 * test's own {@link Shadow} checks what is observable from outside after every step. The normal run
 * makes {@value #DEFAULT_STEPS} steps over all profiles from a fixed seed; the fuzzing command in
 * device/README.md makes as many as {@code -Duapispec.fuzz.steps} says from {@code -Duapispec.fuzz.seed}.
 * A failure names the seed, the profile and the step, shows the last steps, and says how to replay.
 */
class RandomSequenceTest {
    static final long DEFAULT_STEPS = 120_000;
    private static final long DEFAULT_SEED = 0x14_2026L;

    /**
     * Every profile as it answers today, and the profiles with a history as each older era answered
     * ({@code generic@5.10}), each under a name of its own.
     */
    static List<Arguments> profiles() {
        List<Arguments> targets = new ArrayList<>();
        for (Profile profile : Profiles.all()) {
            targets.add(Arguments.of(profile.name(), profile));
        }
        for (Profile profile : Profiles.all()) {
            for (KernelEra era : KernelEra.values()) {
                Profile then = profile.at(era);
                if (!then.mmap().equals(profile.mmap()) || !then.gem().equals(profile.gem())) {
                    targets.add(Arguments.of(profile.name() + "@" + era.text(), then));
                }
            }
        }
        return targets;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("a random sequence of calls never throws and keeps the shadow's observations")
    void randomSequence(String name, Profile profile) {
        long steps = Long.getLong("uapispec.fuzz.steps", DEFAULT_STEPS);
        long seed = Long.decode(System.getProperty("uapispec.fuzz.seed", Long.toString(DEFAULT_SEED)));
        List<String> names = profiles().stream().map(a -> (String) a.get()[0]).toList();
        long perProfile = (steps + names.size() - 1) / names.size();
        long profileSeed = seed ^ (0x9E3779B97F4A7C15L * (names.indexOf(name) + 1));
        Run run = new Run(profile, profileSeed);
        try {
            while (run.count() < perProfile) {
                run.step();
            }
            if (Boolean.getBoolean("uapispec.fuzz.stats")) {
                System.out.println("random sequence on " + name + ", " + run.count() + " steps:\n" + run.stats());
            }
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("random sequence failed on " + name + " at step " + run.count() + " (seed 0x"
                    + Long.toHexString(seed) + ")\n  " + failure.getMessage() + "\nreplay: mvn -B verify -pl device "
                    + "-Dtest=RandomSequenceTest -Duapispec.fuzz.seed=0x" + Long.toHexString(seed)
                    + " -Duapispec.fuzz.steps=" + steps + "\nlast steps:\n" + run.history() + "\ndevice state:\n"
                    + run.backend.describeState(), failure.getCause() != null ? failure.getCause() : failure);
        }
    }
}
