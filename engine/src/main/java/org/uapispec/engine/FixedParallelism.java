package org.uapispec.engine;

import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;

/**
 * A fixed-size fork-join configuration. The engine implements this interface rather than
 * {@code ConfigurationParameters}, whose abstract methods differ between JUnit 5.14 and 6.
 */
record FixedParallelism(int parallelism) implements ParallelExecutionConfiguration {
    FixedParallelism {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
        }
    }

    @Override
    public int getParallelism() {
        return parallelism;
    }

    @Override
    public int getMinimumRunnable() {
        return parallelism;
    }

    @Override
    public int getMaxPoolSize() {
        return parallelism + 256;
    }

    @Override
    public int getCorePoolSize() {
        return parallelism;
    }

    @Override
    public int getKeepAliveSeconds() {
        return 30;
    }
}
