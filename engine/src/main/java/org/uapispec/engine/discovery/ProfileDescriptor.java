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

/** One run of a scenario on one profile: a test, with a fresh backend. */
final class ProfileDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    static final String SEGMENT = "profile";

    private final SpecModel spec;
    private final Scenario scenario;
    private final String sourceName;
    private final String profile;

    ProfileDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario, String profile) {
        super(parent.append(SEGMENT, profile), TestNames.of(source, scenario, profile), source.at(scenario.pos()));
        this.spec = spec;
        this.scenario = scenario;
        this.sourceName = source.linkTarget();
        this.profile = profile;
    }

    @Override
    public Type getType() {
        return Type.TEST;
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
        ScenarioRun.of(spec, scenario, profile, sourceName, context).run();
        return context;
    }
}
