package org.uapispec.bench.scaling;

import static org.uapispec.bench.device.Machine.PAGE;
import static org.uapispec.bench.device.Machine.must;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.uapispec.bench.device.Machine;
import org.uapispec.api.Handle;
import org.uapispec.api.MmapOffset;

/**
 * Time per operation with n live objects in one process: userptr create plus one invalidation
 * (munmap of its page, which the MMU-notifier interval tree must find among n registrations), and
 * mmap of an object's fake offset among n offset nodes.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScalingBenchmark {

    /** n idle userptr objects, one per page of one mapping; the middle page is the benchmark's. */
    @State(Scope.Benchmark)
    public static class Userptrs {
        @Param({"10000", "100000", "1000000"})
        public int n;
        Machine m;
        long spare;

        @Setup
        public void setUp() {
            m = new Machine();
            long base = must(m.mmapAnon((n + 1) * PAGE));
            spare = base + (n / 2) * PAGE;
            for (int i = 0; i <= n; i++) {
                long addr = base + i * PAGE;
                if (addr != spare) {
                    must(m.userptr(m.f1, addr, PAGE));
                }
            }
            Handle h = must(m.userptr(m.f1, spare, PAGE));
            must(m.munmap(spare, PAGE));
            must(m.gemClose(m.f1, h));
            must(m.mmapAnonFixed(spare, PAGE));
        }
    }

    /** n objects, each with a WB mmap offset. */
    @State(Scope.Benchmark)
    public static class Offsets {
        @Param({"10000", "100000", "1000000"})
        public int n;
        Machine m;
        MmapOffset[] offsets;
        int next;

        @Setup
        public void setUp() {
            m = new Machine();
            offsets = new MmapOffset[n];
            for (int i = 0; i < n; i++) {
                Handle h = must(m.create(m.f1, PAGE)).handle();
                offsets[i] = must(m.mmapOffset(m.f1, h));
            }
            must(m.munmap(must(m.mmapShared(m.f1, offsets[n / 2], PAGE)), PAGE));
        }
    }

    /** userptr on the spare page, munmap (invalidates it), gem_close, and map the page back. */
    @Benchmark
    public void userptrCreateInvalidate(Userptrs s, Blackhole bh) {
        Machine m = s.m;
        Handle h = m.userptr(m.f1, s.spare, PAGE).value();
        bh.consume(m.munmap(s.spare, PAGE));
        bh.consume(m.gemClose(m.f1, h));
        bh.consume(m.mmapAnonFixed(s.spare, PAGE));
    }

    /**
     * mmap of the middle object's offset and munmap, the same object every time: the lookup takes
     * the same path through the offset space on each call, so its nodes stay in the CPU cache and
     * the time grows only with the number of steps (log n), not with the cache misses that a
     * different object each time adds (compare {@link #mmapOffsetLookup}).
     */
    @Benchmark
    public void mmapOffsetSameObject(Offsets s, Blackhole bh) {
        Machine m = s.m;
        long addr = m.mmapShared(m.f1, s.offsets[s.n / 2], PAGE).value();
        bh.consume(m.munmap(addr, PAGE));
    }

    /** mmap of a pseudo-random object's offset (the offset-space lookup) and munmap. */
    @Benchmark
    public void mmapOffsetLookup(Offsets s, Blackhole bh) {
        Machine m = s.m;
        s.next = (int) ((s.next + 7_919L * 104_729L) % s.n);
        long addr = m.mmapShared(m.f1, s.offsets[s.next], PAGE).value();
        bh.consume(m.munmap(addr, PAGE));
    }
}
