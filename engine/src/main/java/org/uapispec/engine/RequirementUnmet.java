package org.uapispec.engine;

import org.opentest4j.TestAbortedException;

/**
 * A {@code require} step or condition that did not hold on this profile or kernel: the run is
 * skipped with the reason, as IGT's {@code igt_require} skips a subtest, and reports count it as
 * skipped, not failed and not passed.
 */
final class RequirementUnmet extends TestAbortedException {
    private static final long serialVersionUID = 1L;

    RequirementUnmet(String reason) {
        super(reason);
    }
}
