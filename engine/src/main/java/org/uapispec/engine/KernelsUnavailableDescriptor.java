package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The one skipped test of a run whose configured kernels cannot all run here (no QEMU, or an era the
 * setup has not prepared): its reason is the one line that says so, in every report. Never a failure:
 * the suites without kernels need no QEMU.
 */
final class KernelsUnavailableDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    static final String SEGMENT = "kernels";

    private final String reason;

    KernelsUnavailableDescriptor(UniqueId engine, String reason) {
        super(engine.append(SEGMENT, "unavailable"), "kernel tests: not run");
        this.reason = reason;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public SkipResult shouldBeSkipped(RunContext context) {
        return SkipResult.skip(reason);
    }
}
