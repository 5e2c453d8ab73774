package org.uapispec.bench.device;

import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Mman;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;

/**
 * A reference device on today's i915 profile with one process, two authenticated files of one
 * device, and the calls the benchmarks make, through the {@link Backend} interface only.
 */
public final class Machine {
    public static final long PAGE = Mman.PAGE_SIZE;
    public static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;

    public final Backend device = new ReferenceDevice(Profiles.I915);
    public final Pid p = must(device.spawn(Credentials.user(1000)));
    public final Fd f1 = must(device.open(p, Node.card(0)));
    public final Fd f2 = must(device.open(p, Node.card(0)));

    public Machine() {
        Magic magic = must(device.ioctl(p, f2, new DrmIoctl.GetMagic()));
        must(device.ioctl(p, f1, new DrmIoctl.AuthMagic(magic)));
    }

    /** The value of an outcome that must be ok; a benchmark whose setup fails must not run. */
    public static <T> T must(Outcome<T> outcome) {
        if (!outcome.isOk()) {
            throw new IllegalStateException("unexpected " + outcome);
        }
        return outcome.value();
    }

    public Outcome<I915Ioctl.GemCreate.Result> create(Fd fd, long size) {
        return device.ioctl(p, fd, new I915Ioctl.GemCreate(size));
    }

    public Outcome<Void> gemClose(Fd fd, Handle h) {
        return device.ioctl(p, fd, new DrmIoctl.GemClose(h));
    }

    public Outcome<MmapOffset> mmapOffset(Fd fd, Handle h) {
        return device.ioctl(p, fd, new I915Ioctl.GemMmapOffset(h, I915Ioctl.MmapType.WB.flags(), 0, 0));
    }

    public Outcome<Long> mmapShared(Fd fd, MmapOffset off, long len) {
        return device.mmap(p, MmapRequest.shared(fd, off.value(), len, RW));
    }

    public Outcome<Long> mmapAnon(long len) {
        return device.mmap(p, MmapRequest.anonymous(len, RW));
    }

    public Outcome<Long> mmapAnonFixed(long addr, long len) {
        return device.mmap(p, MmapRequest.anonymous(len, RW).withAddr(addr)
                .withFlags(Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED));
    }

    public Outcome<Void> munmap(long addr, long len) {
        return device.munmap(p, addr, len);
    }

    public Outcome<Handle> userptr(Fd fd, long addr, long len) {
        return device.ioctl(p, fd, new I915Ioctl.GemUserptr(addr, len, 0, 0));
    }

    public Outcome<org.uapispec.api.FlinkName> flink(Fd fd, Handle h) {
        return device.ioctl(p, fd, new DrmIoctl.GemFlink(h));
    }

    public Outcome<DrmIoctl.GemOpen.Result> open(Fd fd, org.uapispec.api.FlinkName name) {
        return device.ioctl(p, fd, new DrmIoctl.GemOpen(name));
    }
}
