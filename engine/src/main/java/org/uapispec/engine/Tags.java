package org.uapispec.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/** Spec tags as JUnit tags; a spec tag that is not a valid JUnit tag is left out. */
final class Tags {
    private Tags() {
    }

    static Set<TestTag> of(List<String> tags) {
        Set<TestTag> out = new LinkedHashSet<>();
        for (String tag : tags) {
            if (TestTag.isValid(tag)) {
                out.add(TestTag.create(tag));
            }
        }
        return out;
    }
}
