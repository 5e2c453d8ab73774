package org.uapispec.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Parameter;
import java.util.ArrayList;
import java.util.List;
import io.cucumber.java.en.When;
import org.uapispec.api.Fd;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.World;

/** The machine, its processes and their device files. */
public final class MachineSteps {
    private final World world;

    public MachineSteps(World world) {
        this.world = world;
    }

    @Given("the profile {profile}")
    public void theProfile(Profile profile) {
        world.useProfile(profile);
        if (!world.kernel().isEmpty()) {
            // allure-cucumber gives a scenario without examples an immutable parameter list
            Allure.getLifecycle().updateTestCase(result -> {
                List<Parameter> parameters = new ArrayList<>(result.getParameters());
                parameters.add(new Parameter().setName("kernel").setValue(world.kernel()));
                result.setParameters(parameters);
            });
        }
    }

    /** On a kernel: the scenario's processes end, and a WARN, oops or BUG it caused fails it. */
    @After(order = 0)
    public void endOnTheBackend() {
        List<String> taints = world.end();
        assertThat(taints).withFailMessage(() -> world.kernel() + " warned during the scenario:\n  "
                + String.join("\n  ", taints)).isEmpty();
    }

    @Given("process {word} opens {file} on the {node}")
    public void opens(String process, FileRef file, Node node) {
        Outcome<Fd> opened = world.record("process " + process + ": open(" + node + ")", world.open(process, node));
        if (opened.isOk()) {
            world.nameFile(file.name(), new World.OpenedFile(opened.value(), process, node.device()));
        }
    }

    @When("process {word} closes {file}")
    public void closesFile(String process, FileRef file) {
        world.record("process " + process + ": close(" + file + ")",
                world.backend().close(world.process(process), world.fd(file)));
    }

    @When("process {word} forks process {word}")
    public void forks(String parent, String child) {
        Outcome<Pid> forked = world.record("process " + parent + ": fork()",
                world.backend().fork(world.process(parent)));
        if (forked.isOk()) {
            world.nameProcess(child, forked.value());
        }
    }
}
