package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * A scenario. It is a test when it names one profile, and a container of one {@link ProfileDescriptor}
 * per profile when it names several; its unique id is named by its title, so it survives edits that
 * move lines. As a test it is named by {@link TestNames}, as a container by its title.
 */
final class ScenarioDescriptor extends ScenarioNode {
    static final String SEGMENT = "scenario";

    ScenarioDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario) {
        super(parent.append(SEGMENT, scenario.title()), scenario.profiles().size() == 1
                ? TestNames.of(source, scenario, scenario.profiles().get(0)) : scenario.title(),
                source.at(scenario.pos()), spec, scenario, source.linkTarget());
    }

    /** Whether the scenario is itself the test: it runs on exactly one profile. */
    boolean singleProfile() {
        return scenario().profiles().size() == 1;
    }

    @Override
    public Type getType() {
        return singleProfile() ? Type.TEST : Type.CONTAINER;
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        if (singleProfile()) {
            run(context, scenario().profiles().get(0));
        }
        return context;
    }
}
