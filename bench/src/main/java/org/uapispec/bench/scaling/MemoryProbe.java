package org.uapispec.bench.scaling;

import static org.uapispec.bench.device.Machine.PAGE;
import static org.uapispec.bench.device.Machine.must;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import org.uapispec.bench.device.Machine;
import org.uapispec.api.Handle;

/**
 * Retained heap per live object: the heap after a full GC with n objects, minus the heap before,
 * divided by n. "userptr" objects are idle (created, never used), one per page of one anonymous
 * mapping; "offset" objects are GEM objects with one WB mmap offset each. Run in a JVM of its own.
 */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    /** {@code MemoryProbe N...}: prints one {@code MEM kind=... n=... bytesPerObject=...} line per kind and n. */
    public static void main(String[] args) {
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            System.out.println("MEM kind=userptr n=" + n + " bytesPerObject=" + userptr(n));
            System.out.println("MEM kind=offset n=" + n + " bytesPerObject=" + offsets(n));
        }
    }

    static double userptr(int n) {
        long before = usedAfterGc();
        Machine m = new Machine();
        long base = must(m.mmapAnon(n * PAGE));
        for (int i = 0; i < n; i++) {
            must(m.userptr(m.f1, base + i * PAGE, PAGE));
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(m);
        return (after - before) / (double) n;
    }

    static double offsets(int n) {
        long before = usedAfterGc();
        Machine m = new Machine();
        for (int i = 0; i < n; i++) {
            Handle h = must(m.create(m.f1, PAGE)).handle();
            must(m.mmapOffset(m.f1, h));
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(m);
        return (after - before) / (double) n;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
