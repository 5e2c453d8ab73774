package org.uapispec.bench.device;

import static org.uapispec.bench.device.Machine.PAGE;
import static org.uapispec.bench.device.Machine.must;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.MmapOffset;

/**
 * Reference-device operations per second, single thread, through the {@link
 * org.uapispec.api.Backend} interface. {@link #mix} is one round of twelve calls that
 * leaves the device as it found it; the other benchmarks isolate one call, or one call and its
 * inverse where the call alone would grow the state (each reports operations, not pairs, per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DeviceBenchmark {
    private static final int USERPTR_SLOTS = 64;
    private static final byte[] FOUR = {1, 2, 3, 4};
    private static final byte[] SIXTY_FOUR = new byte[64];

    private Machine m;
    private long anon;
    private int slot;
    private Handle h0;
    private MmapOffset off0;
    private long map0;
    private FlinkName name0;

    @Setup
    public void setUp() {
        m = new Machine();
        anon = must(m.mmapAnon(USERPTR_SLOTS * PAGE));
        h0 = must(m.create(m.f1, PAGE)).handle();
        off0 = must(m.mmapOffset(m.f1, h0));
        map0 = must(m.mmapShared(m.f1, off0, PAGE));
        name0 = must(m.flink(m.f1, h0));
        checkMixRound();
    }

    /** The mix must run only ok calls, or it would measure error paths. */
    private void checkMixRound() {
        Handle h = must(m.create(m.f1, PAGE)).handle();
        MmapOffset off = must(m.mmapOffset(m.f1, h));
        long addr = must(m.mmapShared(m.f1, off, PAGE));
        must(m.device.write(m.p, addr, FOUR));
        must(m.device.read(m.p, addr, 4));
        FlinkName n = must(m.flink(m.f1, h));
        Handle h2 = must(m.open(m.f2, n)).handle();
        must(m.gemClose(m.f2, h2));
        must(m.munmap(addr, PAGE));
        Handle u = must(m.userptr(m.f1, anon, PAGE));
        must(m.gemClose(m.f1, u));
        must(m.gemClose(m.f1, h));
    }

    /** create, MMAP_OFFSET, mmap, write, read, flink, open, close, munmap, userptr, close, close. */
    @Benchmark
    @OperationsPerInvocation(12)
    public void mix(Blackhole bh) {
        Handle h = m.create(m.f1, PAGE).value().handle();
        MmapOffset off = m.mmapOffset(m.f1, h).value();
        long addr = m.mmapShared(m.f1, off, PAGE).value();
        bh.consume(m.device.write(m.p, addr, FOUR));
        bh.consume(m.device.read(m.p, addr, 4));
        FlinkName n = m.flink(m.f1, h).value();
        Handle h2 = m.open(m.f2, n).value().handle();
        bh.consume(m.gemClose(m.f2, h2));
        bh.consume(m.munmap(addr, PAGE));
        slot = (slot + 1) % USERPTR_SLOTS;
        Handle u = m.userptr(m.f1, anon + slot * PAGE, PAGE).value();
        bh.consume(m.gemClose(m.f1, u));
        bh.consume(m.gemClose(m.f1, h));
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void createClose(Blackhole bh) {
        Handle h = m.create(m.f1, PAGE).value().handle();
        bh.consume(m.gemClose(m.f1, h));
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void flinkOpenClose(Blackhole bh) {
        // flink of an object that has a name returns it; the open and close are the real work.
        FlinkName n = m.flink(m.f1, h0).value();
        Handle h = m.open(m.f2, n).value().handle();
        bh.consume(m.gemClose(m.f2, h));
    }

    @Benchmark
    public Object flink() {
        return m.flink(m.f1, h0);
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void openClose(Blackhole bh) {
        Handle h = m.open(m.f2, name0).value().handle();
        bh.consume(m.gemClose(m.f2, h));
    }

    @Benchmark
    public Object mmapOffset() {
        return m.mmapOffset(m.f1, h0);
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void mmapMunmap(Blackhole bh) {
        long addr = m.mmapShared(m.f1, off0, PAGE).value();
        bh.consume(m.munmap(addr, PAGE));
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public void userptrClose(Blackhole bh) {
        slot = (slot + 1) % USERPTR_SLOTS;
        Handle u = m.userptr(m.f1, anon + slot * PAGE, PAGE).value();
        bh.consume(m.gemClose(m.f1, u));
    }

    @Benchmark
    public Object cpuRead() {
        return m.device.read(m.p, map0, 64);
    }

    @Benchmark
    public Object cpuWrite() {
        return m.device.write(m.p, map0, SIXTY_FOUR);
    }
}
