package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;

/** One run of a scenario on one profile: a test, with a fresh backend. */
final class ProfileDescriptor extends ScenarioNode {
    static final String SEGMENT = "profile";

    private final String profile;

    ProfileDescriptor(UniqueId parent, SpecSource source, SpecModel spec, Scenario scenario, String profile) {
        super(parent.append(SEGMENT, profile), TestNames.of(source, scenario, profile), source.at(scenario.pos()),
                spec, scenario, source.linkTarget());
        this.profile = profile;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        run(context, profile);
        return context;
    }
}
