package org.uapispec.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The one skipped test of a run whose configured kernels cannot all run here (no QEMU, or an era the
 * setup has not prepared; in host mode no agent, no root, or a profile's driver the host lacks): its
 * reason is the one line that says so, in every report. Never a failure:
 * the suites without kernels need no QEMU.
 */
final class KernelsUnavailableDescriptor extends AbstractTestDescriptor implements Node<RunContext> {
    static final String SEGMENT = "kernels";

    private final String reason;

    /** @param what {@code kernel} or {@code host}, as the test's name says */
    KernelsUnavailableDescriptor(UniqueId engine, String what, String reason) {
        super(engine.append(SEGMENT, "unavailable"), what + " tests: not run");
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
