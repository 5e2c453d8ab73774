package org.uapispec.engine.discovery;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.uapispec.engine.execution.RunContext;
import org.uapispec.engine.execution.ScenarioRun;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * A scenario. It is a test when it names one profile, and a container of one {@link ProfileDescriptor}
 * per profile when it names several; its unique id is named by its title, so it survives edits that
 * move lines. As a test it is named by {@link TestNames}, as a container by its title.
 */
final class ScenarioDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    static final String SEGMENT = "scenario";

    private final SpecModel spec;
    private final Scenario scenario;
    private final String sourceName;

    ScenarioDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario) {
        super(parent.append(SEGMENT, scenario.title()), scenario.profiles().size() == 1
                ? TestNames.of(source, scenario, scenario.profiles().get(0)) : scenario.title(), source.at(scenario.pos()));
        this.spec = spec;
        this.scenario = scenario;
        this.sourceName = source.linkTarget();
    }

    Scenario scenario() {
        return scenario;
    }

    SpecModel spec() {
        return spec;
    }

    /** Whether the scenario is itself the test: it runs on exactly one profile. */
    boolean singleProfile() {
        return scenario.profiles().size() == 1;
    }

    @Override
    public Type getType() {
        return singleProfile() ? Type.TEST : Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(scenario.tags());
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        if (singleProfile()) {
            ScenarioRun.of(spec, scenario, scenario.profiles().get(0), sourceName, context).run();
        }
        return context;
    }
}
