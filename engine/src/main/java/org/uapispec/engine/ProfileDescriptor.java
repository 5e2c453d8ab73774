package org.uapispec.engine;

import java.util.Set;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.ExclusiveResource;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/**
 * One run of a scenario on one {@link Target}: a test, with a fresh backend. A run on the model is
 * named {@code [profile:generic]} in its unique id; a run on a kernel
 * {@code [kernel:generic@6.1.192-3]}, by the kernel's resolved package version. Runs on one kernel
 * take its machine in turn (an exclusive resource per kernel); runs on the model run side by side.
 */
final class ProfileDescriptor extends ScenarioNode {
    static final String SEGMENT = "profile";

    private final Target target;

    ProfileDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario, Target target) {
        super(Targets.idOf(parent, target),
                TestNames.of(source, scenario, target), source.at(scenario.pos()), spec, scenario, source.linkTarget());
        this.target = target;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<ExclusiveResource> getExclusiveResources() {
        return target.kernel().map(k -> Set.of(new ExclusiveResource(k.resource(),
                ExclusiveResource.LockMode.READ_WRITE))).orElse(Set.of());
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        run(context, target);
        return context;
    }
}
