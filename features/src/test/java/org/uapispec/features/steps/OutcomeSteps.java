package org.uapispec.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Then;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.features.support.World;

/** What the last call returned; and, after each scenario, that no failed call went unchecked. */
public final class OutcomeSteps {
    private final World world;

    public OutcomeSteps(World world) {
        this.world = world;
    }

    @Then("the call succeeds")
    public void succeeds() {
        expect(Outcome.ok(), "success");
    }

    @Then("the call fails with {errno}")
    public void failsWith(Errno errno) {
        expect(Outcome.err(errno), errno.name());
    }

    @Then("the call raises {signal}")
    public void raises(Signal signal) {
        expect(Outcome.sig(signal), signal.name());
    }

    @After
    public void noUncheckedFailure() {
        world.settle();
    }

    private void expect(Outcome<?> expected, String what) {
        Outcome<?> actual = world.check();
        boolean matches = expected.isOk() ? actual.isOk() : actual.equals(expected);
        assertThat(matches)
                .withFailMessage(() -> world.lastCall() + ": expected " + what + ", got " + actual + "\n"
                        + world.state())
                .isTrue();
    }
}
