package org.uapispec.device.random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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

    static java.util.stream.Stream<Profile> profiles() {
        return Profiles.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("a random sequence of calls never throws and keeps the shadow's observations")
    void randomSequence(Profile profile) {
        long steps = Long.getLong("uapispec.fuzz.steps", DEFAULT_STEPS);
        long seed = Long.decode(System.getProperty("uapispec.fuzz.seed", Long.toString(DEFAULT_SEED)));
        long perProfile = (steps + Profiles.all().size() - 1) / Profiles.all().size();
        long profileSeed = seed ^ (0x9E3779B97F4A7C15L * (Profiles.all().indexOf(profile) + 1));
        Run run = new Run(profile, profileSeed);
        try {
            while (run.count() < perProfile) {
                run.step();
            }
            if (Boolean.getBoolean("uapispec.fuzz.stats")) {
                System.out.println("random sequence on " + profile + ", " + run.count() + " steps:\n" + run.stats());
            }
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError("random sequence failed on " + profile + " at step " + run.count() + " (seed 0x"
                    + Long.toHexString(seed) + ")\n  " + failure.getMessage() + "\nreplay: mvn -B verify -pl device "
                    + "-Dtest=RandomSequenceTest -Duapispec.fuzz.seed=0x" + Long.toHexString(seed)
                    + " -Duapispec.fuzz.steps=" + steps + "\nlast steps:\n" + run.history() + "\ndevice state:\n"
                    + run.backend.describeState(), failure.getCause() != null ? failure.getCause() : failure);
        }
    }
}
