package org.uapispec.engine;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * A scenario. It is a test when it names one profile and runs on the model only, and a container of
 * one {@link ProfileDescriptor} per run otherwise (several profiles, or kernels); its unique id is named
 * by its title, so it survives edits that move lines. As a test it is named by {@link TestNames}, as
 * a container by its title.
 */
final class ScenarioDescriptor extends ScenarioNode {
    static final String SEGMENT = "scenario";

    private final List<Target> targets;
    private final boolean singleTest;

    /**
     * @param targets    the scenario's runs
     * @param singleTest whether the scenario is itself its one test ({@link Targets#isSingleTest})
     */
    ScenarioDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario, List<Target> targets,
            boolean singleTest) {
        super(parent.append(SEGMENT, scenario.title()), singleTest
                ? TestNames.of(source, scenario, targets.get(0)) : scenario.title(),
                source.at(scenario.pos()), spec, scenario, source.linkTarget());
        this.targets = List.copyOf(targets);
        this.singleTest = singleTest;
    }

    /** Whether the scenario is itself the test. */
    boolean singleTest() {
        return singleTest;
    }

    /** Its runs, each a test under it unless the scenario is its own single test. */
    List<Target> targets() {
        return targets;
    }

    @Override
    public Type getType() {
        return singleTest() ? Type.TEST : Type.CONTAINER;
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        if (singleTest()) {
            run(context, targets.get(0));
        }
        return context;
    }
}
