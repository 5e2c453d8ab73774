package org.uapispec.engine;

import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * What a scenario's descriptor and the descriptor of its run on one profile share: the scenario's
 * tags, concurrent execution, and running it on a target.
 */
abstract class ScenarioNode extends AbstractTestDescriptor implements Node<RunContext> {
    private final SpecModel spec;
    private final Scenario scenario;
    private final String sourceName;

    ScenarioNode(UniqueId uniqueId, String displayName, TestSource source, SpecModel spec, Scenario scenario,
            String sourceName) {
        super(uniqueId, displayName, source);
        this.spec = spec;
        this.scenario = scenario;
        this.sourceName = sourceName;
    }

    final Scenario scenario() {
        return scenario;
    }

    final SpecModel spec() {
        return spec;
    }

    @Override
    public final Set<TestTag> getTags() {
        return Tags.of(scenario.tags());
    }

    @Override
    public final ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }

    /** Runs the scenario on {@code target} with a fresh backend; a failure is thrown to the platform. */
    final void run(RunContext context, Target target) {
        context.run(spec, scenario, target, sourceName);
    }
}
