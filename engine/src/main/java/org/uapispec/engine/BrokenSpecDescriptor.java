package org.uapispec.engine;

import java.util.List;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A spec file that did not compile, or could not be read: a test that fails with every diagnostic,
 * so that the launcher, the IDE and the report show it while the other files still run.
 */
final class BrokenSpecDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    private final String file;
    private final List<String> diagnostics;

    BrokenSpecDescriptor(UniqueId parent, SpecSource source, List<String> diagnostics) {
        super(parent.append(source.segment()), source.testName(), source.whole());
        this.file = source.displayName();
        this.diagnostics = List.copyOf(diagnostics);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public RunContext execute(RunContext context, DynamicTestExecutor executor) {
        throw SpecCompileError.reported(file, diagnostics, context);
    }
}
