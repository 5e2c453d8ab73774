package org.uapispec.bench.e2e;

import java.nio.file.Path;

/**
 * The JVM-start-excluded measurement: in one JVM, {@code warmups} unmeasured runs of an engine
 * over the corpus and then {@code runs} measured ones, each printed as an {@code E2E} line
 * (warm-up lines are marked {@code warmup}).
 */
public final class E2eWarm {
    private E2eWarm() {
    }

    /** {@code E2eWarm ENGINE CORPUS_DIR WARMUPS RUNS}. */
    public static void main(String[] args) {
        String engine = args[0];
        Path corpus = Path.of(args[1]);
        int warmups = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        for (int i = 0; i < warmups + runs; i++) {
            E2eRun.Result result = E2eRun.run(engine, corpus);
            System.out.println((i < warmups ? "warmup " : "") + result.line());
        }
    }
}
