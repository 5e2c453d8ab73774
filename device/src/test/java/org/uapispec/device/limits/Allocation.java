package org.uapispec.device.limits;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * How many bytes the current thread allocated during one call (HotSpot's per-thread counter), so a
 * test can say "this huge argument was answered without allocating" instead of hoping the heap is small.
 */
final class Allocation {
    /** Far below any transfer the tests ask for, far above the bookkeeping of one call. */
    static final long SMALL = 1L << 20;

    private Allocation() {
    }

    record Measured<T>(T value, long bytes) {
    }

    static <T> Measured<T> of(Supplier<T> call) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        T value = call.get();
        return new Measured<>(value, threads.getCurrentThreadAllocatedBytes() - before);
    }
}
