package org.uapispec.device.process;

/**
 * A callback on a range of an address space, like the kernel's {@code mmu_interval_notifier}: it runs
 * before pages of the range are unmapped, replaced or change protection, and when the address space
 * is torn down.
 */
@FunctionalInterface
public interface MmuNotifier {
    /** Pages in {@code [start, end)}, which overlaps the registered range, are about to change. */
    void invalidate(long start, long end);
}
