package org.uapispec.device.random;

import static org.uapispec.device.random.Run.expect;
import static org.uapispec.device.random.Run.pid;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.MmapRules;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Memory: anonymous mappings, mappings of fresh DRM offsets and of dma-bufs (which become views of an
 * object), random mmaps, munmap, mprotect, and CPU loads and stores, huge ones included. A load of
 * more than Backend.MAX_TRANSFER is a signal or a refusal, never bytes; a load from page 0 is
 * SIGSEGV; a store into a writable view reads back through the object's other views.
 */
final class MemorySteps {
    private static final int RW = Mman.PROT_READ | Mman.PROT_WRITE;
    private static final long PAGE = Pick.PAGE;

    private final Run run;
    private final Pick pick;
    private final Bytes bytes;

    MemorySteps(Run run) {
        this.run = run;
        this.pick = run.pick;
        this.bytes = new Bytes(run);
    }

    void register(List<Run.Step> steps) {
        steps.add(this::mmapAnonymous);
        steps.add(this::mmapAnonymous);
        steps.add(this::mmapObject);
        steps.add(this::mmapObject);
        steps.add(this::mmapObject);
        steps.add(this::mmapDmaBuf);
        steps.add(this::mmapDmaBuf);
        steps.add(this::mmapAnything);
        steps.add(this::munmap);
        steps.add(this::mprotect);
        steps.add(this::read);
        steps.add(this::read);
        steps.add(this::write);
        steps.add(this::write);
    }

    private void mmapAnonymous(Shadow.Proc p) {
        long length = pick.length();
        long prot = pick.chance(80) ? RW : pick.chance(50) ? pick.below(16) : pick.edgeWord();
        long flags = Mman.MAP_ANONYMOUS | (pick.chance(80) ? Mman.MAP_PRIVATE : Mman.MAP_SHARED);
        long addr = 0;
        if (pick.chance(15)) {
            flags |= Mman.MAP_FIXED;
            addr = pick.address();
        }
        mmap(p, new MmapRequest(addr, length, prot, flags, Fd.NONE, 0));
    }

    /** A fresh offset for a live handle, by the device's own offset ioctl, mapped shared: a view. */
    private void mmapObject(Shadow.Proc p) {
        List<int[]> handles = new ArrayList<>();
        p.fds.forEach((fd, open) -> {
            if (open instanceof Shadow.DrmFile file) {
                file.handles.keySet().forEach(h -> handles.add(new int[] {fd, h}));
            }
        });
        if (!p.alive || handles.isEmpty()) {
            mmapAnything(p);
            return;
        }
        int[] pair = pick.of(handles);
        Shadow.DrmFile file = (Shadow.DrmFile) p.fds.get(pair[0]);
        Shadow.Obj obj = file.handles.get(pair[1]);
        Outcome<MmapOffset> offset = offsetFor(p, pair[0], file.device, new Handle(pair[1]));
        if (!offset.isOk() || obj.size < PAGE) {
            return;
        }
        long length = (1 + pick.below((int) Math.min(obj.size / PAGE, 4))) * PAGE;
        long prot = pick.chance(70) ? RW : Mman.PROT_READ;
        Outcome<Long> mapped = mmap(p, MmapRequest.shared(new Fd(pair[0]), offset.value().value(), length, prot));
        expect(mapped.isOk() || obj.buffer == null, "a shared mapping of an offset the file just got for a live "
                + "object must succeed, got %s", mapped);
        if (mapped.isOk() && obj.buffer != null) {
            Shadow.addView(p, new Shadow.View(mapped.value(), length, obj, 0, (prot & Mman.PROT_WRITE) != 0));
        }
    }

    private Outcome<MmapOffset> offsetFor(Shadow.Proc p, int fd, int device, Handle handle) {
        Profile profile = device == 0 ? run.profile : Profiles.GENERIC;
        MmapRules.OffsetSource source = profile.mmap().source();
        if (source == MmapRules.OffsetSource.CORE_DUMB || pick.chance(10)) {
            return ioctl(p, fd, new DrmIoctl.ModeMapDumb(handle));
        }
        if (source == MmapRules.OffsetSource.LEGACY_GTT || pick.chance(20)) {
            return ioctl(p, fd, new I915Ioctl.GemMmapGtt(handle));
        }
        I915Ioctl.MmapType[] types = I915Ioctl.MmapType.values();
        return ioctl(p, fd, new I915Ioctl.GemMmapOffset(handle, pick.chance(60) ? I915Ioctl.MmapType.WB
                : types[pick.below(types.length)]));
    }

    /** [93, 94, 96] a dma-buf fd of the process, mapped shared from some page: a view of its bytes. */
    private void mmapDmaBuf(Shadow.Proc p) {
        List<Integer> dmaBufs = new ArrayList<>();
        p.fds.forEach((fd, open) -> {
            if (open instanceof Shadow.DmaBuf) {
                dmaBufs.add(fd);
            }
        });
        if (!p.alive || dmaBufs.isEmpty()) {
            mmapAnything(p);
            return;
        }
        int fd = pick.of(dmaBufs);
        Shadow.Obj exporter = ((Shadow.DmaBuf) p.fds.get(fd)).exporter();
        long pages = Math.min(exporter.size / PAGE, 4);
        if (pages == 0) {
            return;
        }
        long first = pick.below((int) pages);
        long length = (1 + pick.below((int) (pages - first))) * PAGE;
        long prot = pick.chance(60) ? Mman.PROT_READ : RW;
        Outcome<Long> mapped = mmap(p, MmapRequest.shared(new Fd(fd), first * PAGE, length, prot));
        Profile exporting = exporter.device == 0 ? run.profile : Profiles.GENERIC;
        MmapRules.DmaBufMmap how = exporting.mmap().dmaBufMmap();
        boolean mappable = how != MmapRules.DmaBufMmap.REFUSED && how != MmapRules.DmaBufMmap.NOT_IMPLEMENTED
                && exporter.buffer != null;
        expect(mapped.isOk() || prot != Mman.PROT_READ || !mappable,
                "a read-only shared mapping inside a dma-buf must succeed, got %s", mapped);
        if (mapped.isOk() && exporter.buffer != null) {
            // A GEM-object exporter whose faults count from the mapping's start shows the buffer from
            // its first page whatever the offset (drm_gem_shmem_fault) [93].
            boolean fromStart = exporting.mmap().dmaBufMmap() == MmapRules.DmaBufMmap.GEM_OBJECT
                    && exporting.mmap().faultsFromStart();
            Shadow.addView(p, new Shadow.View(mapped.value(), length, exporter, fromStart ? 0 : first * PAGE,
                    (prot & Mman.PROT_WRITE) != 0));
        }
    }

    /** Any fd, offset, length, prot and flags, high bits included. */
    private void mmapAnything(Shadow.Proc p) {
        int fd = run.files().fd(p);
        long offset = pick.offset();
        long prot = pick.chance(50) ? RW : pick.edgeWord();
        long[] types = {Mman.MAP_SHARED, Mman.MAP_PRIVATE, Mman.MAP_SHARED_VALIDATE, 0, 4, 0xf};
        long flags = types[pick.below(types.length)];
        if (pick.chance(30)) {
            flags |= pick.edgeWord() & ~(long) Mman.MAP_TYPE;
        }
        long addr = (flags & (Mman.MAP_FIXED | Mman.MAP_FIXED_NOREPLACE)) != 0 || pick.chance(20) ? pick.address() : 0;
        mmap(p, new MmapRequest(addr, pick.length(), prot, flags, new Fd(fd), offset));
    }

    private Outcome<Long> mmap(Shadow.Proc p, MmapRequest request) {
        Outcome<Long> mapped = run.call(p, "mmap" + request, () -> run.backend.mmap(pid(p), request));
        if (!p.alive) {
            return mapped;
        }
        if ((request.flags() & (Mman.MAP_FIXED | Mman.MAP_FIXED_NOREPLACE)) != 0) {
            Shadow.forgetViews(p, request.addr(), request.length());
        }
        if (mapped.isOk()) {
            long addr = mapped.value();
            expect(addr % PAGE == 0 && request.length() != 0, "mmap gave 0x%x for %s", addr, request);
            pick.sawAddress(addr);
            Shadow.forgetViews(p, addr, request.length());
            Outcome<Boolean> there = run.call(p, "mapped(0x" + Long.toHexString(addr) + ")",
                    () -> run.backend.mapped(pid(p), addr));
            expect(there.equals(Outcome.ok(true)), "the new mapping at 0x%x must be mapped, got %s", addr, there);
        }
        return mapped;
    }

    private void munmap(Shadow.Proc p) {
        long addr = pick.address();
        long length = pick.length();
        Outcome<Void> unmapped = run.call(p, "munmap(0x" + Long.toHexString(addr) + ", 0x" + Long.toHexString(length)
                + ")", () -> run.backend.munmap(pid(p), addr, length));
        if (!p.alive) {
            return;
        }
        Shadow.forgetViews(p, addr, length);
        if (unmapped.isOk()) {
            Outcome<Boolean> there = run.call(p, "mapped(0x" + Long.toHexString(addr) + ")",
                    () -> run.backend.mapped(pid(p), addr));
            expect(there.equals(Outcome.ok(false)), "0x%x was just unmapped, got %s", addr, there);
        }
    }

    private void mprotect(Shadow.Proc p) {
        long addr = pick.address();
        long length = pick.length();
        long prot = pick.chance(70) ? pick.below(8) : pick.edgeWord();
        run.call(p, "mprotect(0x" + Long.toHexString(addr) + ", 0x" + Long.toHexString(length) + ", 0x"
                + Long.toHexString(prot) + ")", () -> run.backend.mprotect(pid(p), addr, length, prot));
        if (p.alive) {
            Shadow.forgetViews(p, addr, length);
        }
    }

    /** Loads: inside a view they give bytes; beyond MAX_TRANSFER never; from page 0 SIGSEGV. */
    private void read(Shadow.Proc p) {
        if (p.alive && !p.views.isEmpty() && pick.chance(40)) {
            Shadow.View view = pick.of(p.views);
            long at = view.addr() + pick.below(view.length());
            long length = Math.min(view.addr() + view.length() - at, 1 + pick.below(64));
            Outcome<byte[]> read = load(p, at, length);
            expect(read.isOk(), "a load inside the view at 0x%x must succeed, got %s", view.addr(), read);
            return;
        }
        long addr = pick.chance(10) ? pick.below((int) PAGE) : pick.address();
        long length = pick.chance(25) ? pick.length() : pick.smallLength();
        Outcome<byte[]> read = load(p, addr, length);
        if (!p.alive) {
            return;
        }
        if (Long.compareUnsigned(length, Backend.MAX_TRANSFER) > 0) {
            expect(read instanceof Outcome.Sig || read instanceof Outcome.Refused,
                    "a load of %s bytes must fault or be refused, got %s", Long.toUnsignedString(length), read);
        }
        if (Long.compareUnsigned(addr, PAGE) < 0 && length != 0) {
            expect(read.equals(Outcome.sig(Signal.SIGSEGV)), "a load from page 0 must be SIGSEGV, got %s", read);
        }
    }

    private Outcome<byte[]> load(Shadow.Proc p, long addr, long length) {
        return run.call(p, "read(0x" + Long.toHexString(addr) + ", 0x" + Long.toHexString(length) + ")",
                () -> run.backend.read(pid(p), addr, length));
    }

    /** Stores: into a writable view they succeed and read back through the object's other views. */
    private void write(Shadow.Proc p) {
        List<Shadow.View> writable = p.views.stream().filter(Shadow.View::writable).toList();
        if (p.alive && !writable.isEmpty() && pick.chance(60)) {
            Shadow.View view = pick.of(writable);
            long inView = pick.below(view.length());
            byte[] data = pick.bytes((int) Math.min(view.length() - inView, 1 + pick.below(64)));
            Outcome<Void> stored = store(p, view.addr() + inView, data);
            expect(stored.isOk(), "a store into the writable view at 0x%x must succeed, got %s", view.addr(), stored);
            bytes.verify(view.object(), view.bufferOffset() + inView, data, view);
            return;
        }
        store(p, pick.address(), pick.bytes(pick.smallLength()));
    }

    private Outcome<Void> store(Shadow.Proc p, long addr, byte[] data) {
        return run.call(p, "write(0x" + Long.toHexString(addr) + ", " + data.length + " bytes)",
                () -> run.backend.write(pid(p), addr, data));
    }

    private <R> Outcome<R> ioctl(Shadow.Proc p, int fd, org.uapispec.api.Ioctl<R> request) {
        return run.call(p, request.ioctlName() + " on fd " + fd + ": " + request,
                () -> run.backend.ioctl(pid(p), new Fd(fd), request));
    }
}
