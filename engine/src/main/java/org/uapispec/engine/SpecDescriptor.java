package org.uapispec.engine;

import java.util.Set;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.uapispec.grammar.model.SpecModel;

/** A spec file that compiled: a container of its scenarios. */
final class SpecDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    private final SpecSource specSource;
    private final SpecModel model;

    SpecDescriptor(UniqueId parent, SpecSource specSource, SpecModel model) {
        super(parent.append(specSource.segment()), model.title(), specSource.at(model.pos()));
        this.specSource = specSource;
        this.model = model;
    }

    SpecSource specSource() {
        return specSource;
    }

    SpecModel model() {
        return model;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return Tags.of(model.tags());
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.CONCURRENT;
    }
}
