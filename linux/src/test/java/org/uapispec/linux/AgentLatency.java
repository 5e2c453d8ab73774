package org.uapispec.linux;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.uapispec.api.Pid;

/**
 * Prints round-trip times of the agent in host mode; a program, not a test, because timings vary
 * with the machine's load and are never asserted. After a build:
 * {@code java -cp linux/target/classes:linux/target/test-classes:api/target/classes
 * org.uapispec.linux.AgentLatency linux/target/classes/org/uapispec/linux/agent}
 */
final class AgentLatency {
    private static final int ROUNDS = 2000;

    private AgentLatency() {}

    public static void main(String[] args) throws IOException {
        try (LocalAgent agent = LocalAgent.start(Path.of(args[0]), Duration.ofSeconds(30))) {
            AgentClient client = agent.client();
            Pid process = new Pid((int) client.spawn().result());
            List<Request> thousand = Collections.nCopies(1000, Request.ping(Request.AGENT));
            print("ping, agent", ROUNDS, client::ping);
            print("ping, spawned process", ROUNDS, () -> client.call(Request.ping(process)));
            print("1,000 pipelined pings", 50, () -> client.pipeline(thousand));
            print("spawn + setids + exit", 200, () -> {
                Pid p = new Pid((int) client.spawn().result());
                client.setIds(p, 65534, 65534);
                return client.exit(p);
            });
        }
    }

    private static void print(String what, int rounds, Supplier<?> call) {
        for (int i = 0; i < rounds / 4; i++) {
            call.get();
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            call.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-24s p50 %8.1f us  p90 %8.1f us  (%d rounds)%n", what,
                nanos[rounds / 2] / 1e3, nanos[rounds * 9 / 10] / 1e3, rounds);
    }
}
