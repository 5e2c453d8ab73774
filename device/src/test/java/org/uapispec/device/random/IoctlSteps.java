package org.uapispec.device.random;

import static org.uapispec.device.random.Run.expect;
import static org.uapispec.device.random.Run.isErrno;
import static org.uapispec.device.random.Run.pid;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Driver;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Every ioctl record of DrmIoctl, I915Ioctl and DmaBufIoctl, on fds of every kind, with live, stale
 * and random handles, names, magics and fds. What the shadow knows is checked: an fd that is not open
 * is EBADF and a dma-buf answers DRM ioctls ENOTTY; GEM_CLOSE of a live handle succeeds and of any
 * other EINVAL [9, 10]; nothing that names a handle the file does not hold succeeds [14, 15]; new
 * handles and flink names are the lowest free [7, 8, 19]; an import returns a handle to the exported
 * bytes [91].
 */
final class IoctlSteps {
    private static final int MAX_HANDLES = 48;

    private final Run run;
    private final Shadow shadow;
    private final Pick pick;
    private final Bytes bytes;

    IoctlSteps(Run run) {
        this.run = run;
        this.shadow = run.shadow;
        this.pick = run.pick;
        this.bytes = new Bytes(run);
    }

    void register(List<Run.Step> steps) {
        steps.add(this::gemClose);
        steps.add(this::gemClose);
        steps.add(this::flink);
        steps.add(this::gemOpen);
        steps.add(this::magic);
        steps.add(this::dumbCreate);
        steps.add(this::dumbCreate);
        steps.add(this::dumbMapOrDestroy);
        steps.add(this::primeExport);
        steps.add(this::primeExport);
        steps.add(this::primeImport);
        steps.add(this::primeImport);
        steps.add(this::gemCreate);
        steps.add(this::gemCreate);
        steps.add(this::pread);
        steps.add(this::pwrite);
        steps.add(this::pwrite);
        steps.add(this::setDomainOrExecbuf);
        steps.add(this::userptr);
        steps.add(this::offsets);
        steps.add(this::gemMmap);
        steps.add(this::dmaBufSync);
    }

    /** [9, 10, 16] GEM_CLOSE: 0 for a live handle, EINVAL for any other, whatever the pad [11]. */
    private void gemClose(Shadow.Proc p) {
        Target t = target(p);
        int pad = pick.chance(80) ? 0 : pick.word32();
        Outcome<Void> closed = ioctl(p, t, new DrmIoctl.GemClose(new Handle(t.handle), pad));
        t.file(() -> {
            boolean live = t.live();
            expect(live ? closed.isOk() : isErrno(closed, Errno.EINVAL), "GEM_CLOSE of %s handle %s must be %s, got %s",
                    live ? "live" : "unknown", Integer.toUnsignedString(t.handle), live ? "ok" : "EINVAL", closed);
            if (live) {
                shadow.removeHandle(t.drm, t.handle);
            }
        });
    }

    /** [18-20, 22, 24] FLINK: only a live handle; the object's name, else the lowest free one. */
    private void flink(Shadow.Proc p) {
        Target t = target(p);
        Outcome<FlinkName> flinked = ioctl(p, t, new DrmIoctl.GemFlink(new Handle(t.handle)));
        t.file(() -> {
            expect(flinked.isOk() || !(t.live() && t.drm.authenticated),
                    "FLINK of a live handle on an authenticated card file must succeed, got %s", flinked);
            if (!flinked.isOk()) {
                return;
            }
            expect(t.live(), "FLINK of a handle the file does not hold succeeded: %s", flinked);
            Shadow.Obj obj = t.object();
            int name = flinked.value().value();
            if (obj.name != 0) {
                expect(name == obj.name, "a second FLINK must give the same name %d, got %d", obj.name, name);
            } else {
                int lowest = Shadow.lowestFree(shadow.names.get(obj.device), 1);
                expect(name == lowest, "a new flink name must be the lowest free %d, got %d", lowest, name);
                obj.name = name;
                shadow.names.get(obj.device).put(name, obj);
            }
            pick.sawName(name);
        });
    }

    /** [17, 18, 20] GEM_OPEN: only a live name; a new alias handle, the lowest free. */
    private void gemOpen(Shadow.Proc p) {
        Target t = target(p);
        int name = pick.name();
        Outcome<DrmIoctl.GemOpen.Result> opened = ioctl(p, t, new DrmIoctl.GemOpen(new FlinkName(name)));
        t.file(() -> {
            Shadow.Obj obj = shadow.names.get(t.drm.device).get(name);
            expect(opened.isOk() || obj == null || !t.drm.authenticated,
                    "GEM_OPEN of live name %d on an authenticated card file must succeed, got %s", name, opened);
            if (!opened.isOk()) {
                return;
            }
            expect(obj != null, "GEM_OPEN of name %d, which names nothing, succeeded", name);
            expect(obj.size == Shadow.Obj.UNKNOWN_SIZE || opened.value().size() == obj.size,
                    "GEM_OPEN must give the object's size %d, got %d", obj.size, opened.value().size());
            newHandle(t, opened.value().handle(), obj);
        });
    }

    private void magic(Shadow.Proc p) {
        Target t = target(p);
        if (pick.chance(50)) {
            Outcome<Magic> magic = ioctl(p, t, new DrmIoctl.GetMagic());
            if (magic.isOk()) {
                pick.sawMagic(magic.value().value());
            }
        } else {
            ioctl(p, t, new DrmIoctl.AuthMagic(new Magic(pick.magic())));
        }
    }

    /** [6] MODE_CREATE_DUMB with sane and random sizes; the handle is the lowest free. */
    private void dumbCreate(Shadow.Proc p) {
        Target t = target(p);
        boolean sane = pick.chance(70);
        int width = sane ? 1 + pick.below(1024) : pick.word32();
        int height = sane ? 1 + pick.below(8) : pick.word32();
        int bpp = sane ? 32 : pick.word32();
        int flags = pick.chance(90) ? 0 : pick.word32();
        Outcome<DrmIoctl.ModeCreateDumb.Result> created = ioctl(p, t, new DrmIoctl.ModeCreateDumb(height, width, bpp, flags));
        t.file(() -> {
            if (created.isOk()) {
                // the object is page-sized even where the size reported is pitch * height (cirrus on 5.10)
                long pages = (created.value().size() + Pick.PAGE - 1) & -Pick.PAGE;
                newHandle(t, created.value().handle(), Shadow.Obj.created(t.drm.device, pages));
            }
        });
    }

    /** MODE_MAP_DUMB and MODE_DESTROY_DUMB, which is GEM_CLOSE on a card node [9]. */
    private void dumbMapOrDestroy(Shadow.Proc p) {
        Target t = target(p);
        if (pick.chance(60)) {
            Outcome<MmapOffset> offset = ioctl(p, t, new DrmIoctl.ModeMapDumb(new Handle(t.handle)));
            t.file(() -> noSuccessWithoutHandle(t, offset, "MODE_MAP_DUMB"));
            if (offset.isOk()) {
                pick.sawOffset(offset.value().value());
            }
            return;
        }
        Outcome<Void> destroyed = ioctl(p, t, new DrmIoctl.ModeDestroyDumb(new Handle(t.handle)));
        t.file(() -> {
            boolean live = t.live();
            Errno refused = t.drm.render ? Errno.EACCES : Errno.EINVAL;
            expect(live && !t.drm.render ? destroyed.isOk() : isErrno(destroyed, refused),
                    "MODE_DESTROY_DUMB of %s handle %s on a %s node, got %s", live ? "a live" : "an unknown",
                    Integer.toUnsignedString(t.handle), t.drm.render ? "render" : "card", destroyed);
            if (destroyed.isOk()) {
                shadow.removeHandle(t.drm, t.handle);
            }
        });
    }

    /** [88-90] PRIME_HANDLE_TO_FD: only a live handle; the lowest free fd. */
    private void primeExport(Shadow.Proc p) {
        Target t = target(p);
        int[] flags = {0, DrmIoctl.DRM_CLOEXEC, DrmIoctl.DRM_RDWR, DrmIoctl.DRM_RDWR | DrmIoctl.DRM_CLOEXEC};
        int flag = pick.chance(90) ? flags[pick.below(flags.length)] : pick.word32();
        Outcome<Fd> exported = ioctl(p, t, new DrmIoctl.PrimeHandleToFd(new Handle(t.handle), flag));
        t.file(() -> {
            boolean plain = flag == 0 || flag == DrmIoctl.DRM_CLOEXEC;
            boolean permitted = (t.drm.render || t.drm.authenticated || !profileOf(t.drm.device).gem().primeNeedsAuth())
                    && profileOf(t.drm.device).mmap().primeIoctls();
            expect(exported.isOk() || !(t.live() && t.object().buffer != null && plain && permitted),
                    "PRIME export of a live object with flags 0x%x must succeed, got %s", flag, exported);
            if (!exported.isOk()) {
                return;
            }
            expect(t.live(), "PRIME export of a handle the file does not hold succeeded: %s", exported);
            int fd = exported.value().value();
            int lowest = Shadow.lowestFree(p.fds, Shadow.FIRST_FD);
            expect(fd == lowest, "PRIME export must return the lowest free fd %d, got %d", lowest, fd);
            Shadow.Obj obj = t.object();
            shadow.install(p, fd, new Shadow.DmaBuf(obj.origin != null ? obj.origin : obj));
        });
    }

    /**
     * [91] PRIME_FD_TO_HANDLE: only a dma-buf fd; a handle the file already has for those bytes, or a
     * new one, the lowest free, to the exporter's object on its own device and to a new import object
     * on another device.
     */
    private void primeImport(Shadow.Proc p) {
        Target t = target(p);
        List<Integer> dmaBufs = new ArrayList<>();
        p.fds.forEach((fd, open) -> {
            if (open instanceof Shadow.DmaBuf) {
                dmaBufs.add(fd);
            }
        });
        int fd = !dmaBufs.isEmpty() && pick.chance(80) ? pick.of(dmaBufs) : run.files().fd(p);
        Outcome<Handle> imported = ioctl(p, t, new DrmIoctl.PrimeFdToHandle(new Fd(fd)));
        t.file(() -> {
            if (!imported.isOk()) {
                return;
            }
            expect(p.fds.get(fd) instanceof Shadow.DmaBuf, "PRIME import of fd %d, which is no dma-buf, succeeded", fd);
            Shadow.Obj exporter = ((Shadow.DmaBuf) p.fds.get(fd)).exporter();
            int handle = imported.value().value();
            Shadow.Obj known = t.drm.handles.get(handle);
            if (known != null) {
                expect(known.sameBytes(exporter), "PRIME import returned handle %d, which holds other bytes", handle);
                return;
            }
            Shadow.Obj obj = exporter.device == t.drm.device ? exporter
                    : new Shadow.Obj(t.drm.device, exporter.size, exporter.buffer, exporter);
            newHandle(t, imported.value(), obj);
        });
    }

    /** [1-4] GEM_CREATE with sane and edge sizes; the handle is the lowest free. */
    private void gemCreate(Shadow.Proc p) {
        Target t = target(p);
        long size = pick.chance(70) ? (1 + pick.below(8)) * Pick.PAGE - pick.below(2) : pick.length();
        Outcome<I915Ioctl.GemCreate.Result> created = ioctl(p, t, new I915Ioctl.GemCreate(size));
        t.file(() -> {
            if (created.isOk()) {
                newHandle(t, created.value().handle(), Shadow.Obj.created(t.drm.device, created.value().size()));
            }
        });
    }

    /**
     * [109] GEM_PREAD: only a live handle (size 0 returns before the lookup); the bytes asked for,
     * which are those written through any view; never a transfer over Backend.MAX_TRANSFER.
     */
    private void pread(Shadow.Proc p) {
        Target t = target(p);
        boolean huge = pick.chance(10);
        long size = huge ? pick.length() : pick.smallLength();
        long offset = offsetIn(t, size);
        Outcome<byte[]> read = ioctl(p, t, new I915Ioctl.GemPread(new Handle(t.handle), offset, size));
        t.file(() -> {
            if (size != 0) {
                noSuccessWithoutHandle(t, read, "GEM_PREAD");
            }
            if (Long.compareUnsigned(size, Backend.MAX_TRANSFER) > 0) {
                expect(!read.isOk(), "a pread of %s bytes cannot be carried, got %s", Long.toUnsignedString(size), read);
            } else if (read.isOk()) {
                expect(read.value().length == size, "pread of %d bytes gave %d", size, read.value().length);
            }
        });
    }

    /** [109] GEM_PWRITE: only a live handle; what it wrote reads back through the other views. */
    private void pwrite(Shadow.Proc p) {
        Target t = target(p);
        byte[] data = pick.bytes(pick.smallLength());
        long offset = offsetIn(t, data.length);
        Outcome<Void> written = ioctl(p, t, new I915Ioctl.GemPwrite(new Handle(t.handle), offset, data));
        t.file(() -> {
            if (data.length != 0) {
                noSuccessWithoutHandle(t, written, "GEM_PWRITE");
            }
            if (written.isOk() && data.length != 0) {
                bytes.verify(t.object(), offset, data, null);
            }
        });
    }

    /** [14, 35] SET_DOMAIN and EXECBUFFER2: nothing succeeds with a handle the file does not hold. */
    private void setDomainOrExecbuf(Shadow.Proc p) {
        Target t = target(p);
        if (pick.chance(50)) {
            int read = pick.chance(80) ? I915Ioctl.DOMAIN_CPU : pick.word32();
            int write = pick.chance(80) ? 0 : pick.word32();
            Outcome<Void> set = ioctl(p, t, new I915Ioctl.GemSetDomain(new Handle(t.handle), read, write));
            t.file(() -> noSuccessWithoutHandle(t, set, "SET_DOMAIN"));
            return;
        }
        List<Handle> objects = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = pick.below(4); i >= 0; i--) {
            int h = i == 0 ? t.handle : target(p).handle;
            numbers.add(h);
            objects.add(new Handle(h));
        }
        Outcome<Void> executed = ioctl(p, t, new I915Ioctl.GemExecbuffer(objects));
        t.file(() -> expect(!executed.isOk() || numbers.stream().allMatch(t.drm.handles::containsKey),
                "EXECBUFFER2 with a handle the file does not hold succeeded"));
    }

    /** [27-53] USERPTR over recent memory with checked and random arguments; the lowest free handle. */
    private void userptr(Shadow.Proc p) {
        Target t = target(p);
        long ptr = pick.chance(80) ? pick.address() & -Pick.PAGE : pick.address();
        long size = pick.userptrSize();
        int[] flags = {0, 0, 0, I915Ioctl.USERPTR_READ_ONLY, I915Ioctl.USERPTR_PROBE, I915Ioctl.USERPTR_UNSYNCHRONIZED};
        int flag = pick.chance(90) ? flags[pick.below(flags.length)] : pick.word32();
        int ctx = pick.chance(90) ? 0 : pick.word32();
        Outcome<Handle> created = ioctl(p, t, new I915Ioctl.GemUserptr(ptr, size, flag, ctx));
        t.file(() -> {
            if (!created.isOk()) {
                return;
            }
            if (created.value().value() == 0 && run.profile.driver() == Driver.EXYNOS) {
                // exynos_drm_gem_userptr_ioctl returns get_user_pages' positive count when only part
                // of the range was pinned: success for userspace, no handle written (seed 002).
                return;
            }
            newHandle(t, created.value(), new Shadow.Obj(t.drm.device, Shadow.Obj.UNKNOWN_SIZE, null, null));
        });
    }

    /** [59-63, 85] MMAP_GTT and MMAP_OFFSET with every type, bad flags, extensions and pads. */
    private void offsets(Shadow.Proc p) {
        Target t = target(p);
        Outcome<MmapOffset> offset;
        String name;
        if (pick.chance(30)) {
            offset = ioctl(p, t, new I915Ioctl.GemMmapGtt(new Handle(t.handle)));
            name = "MMAP_GTT";
        } else {
            long flags = pick.chance(80) ? pick.below(5) : pick.edgeWord();
            long extensions = pick.chance(85) ? 0 : pick.chance(50) ? pick.address() : pick.edgeWord();
            int pad = pick.chance(80) ? 0 : pick.word32();
            offset = ioctl(p, t, new I915Ioctl.GemMmapOffset(new Handle(t.handle), flags, extensions, pad));
            name = "MMAP_OFFSET";
        }
        t.file(() -> noSuccessWithoutHandle(t, offset, name));
        if (offset.isOk()) {
            pick.sawOffset(offset.value().value());
        }
    }

    /** [86] the legacy CPU mmap: only a live handle; the new mapping is a view of the object. */
    private void gemMmap(Shadow.Proc p) {
        Target t = target(p);
        long offset = pick.chance(70) ? 0 : offsetIn(t, 0) & -Pick.PAGE;
        long size = pick.chance(70) ? (1 + pick.below(4)) * Pick.PAGE : pick.length();
        long flags = pick.chance(80) ? pick.below(2) : pick.edgeWord();
        Outcome<Long> mapped = ioctl(p, t, new I915Ioctl.GemMmap(new Handle(t.handle), offset, size, flags));
        t.file(() -> {
            noSuccessWithoutHandle(t, mapped, "GEM_MMAP");
            if (mapped.isOk()) {
                long length = (size + Pick.PAGE - 1) & -Pick.PAGE;
                pick.sawAddress(mapped.value());
                if (t.object().buffer != null) {
                    Shadow.addView(p, new Shadow.View(mapped.value(), length, t.object(), offset, true));
                }
            }
        });
    }

    /** [98] DMA_BUF_IOCTL_SYNC, on dma-bufs and on every other kind of fd. */
    private void dmaBufSync(Shadow.Proc p) {
        Target t = target(p);
        long flags = pick.chance(70) ? pick.below(8) : pick.edgeWord();
        Outcome<Void> synced = ioctl(p, t, new DmaBufIoctl.Sync(flags));
        t.file(() -> expect(isErrno(synced, Errno.ENOTTY), "DMA_BUF_IOCTL_SYNC on a DRM file must be ENOTTY, got %s",
                synced));
    }

    /**
     * Runs an ioctl and checks what every ioctl shares: ESRCH (in {@link Run#call}), EBADF for an fd
     * that is not open, ENOTTY for a DRM ioctl on a dma-buf.
     */
    private <R> Outcome<R> ioctl(Shadow.Proc p, Target t, Ioctl<R> request) {
        Outcome<R> outcome = run.call(p, request.ioctlName() + " on fd " + t.fd + ": " + request,
                () -> run.backend.ioctl(pid(p), new Fd(t.fd), request));
        if (!p.alive) {
            return outcome;
        }
        Shadow.Open open = p.fds.get(t.fd);
        if (open == null) {
            expect(isErrno(outcome, Errno.EBADF), "%s on fd %d, which is not open, must be EBADF, got %s",
                    request.ioctlName(), t.fd, outcome);
        } else if (open instanceof Shadow.DmaBuf && !(request instanceof DmaBufIoctl)) {
            expect(isErrno(outcome, Errno.ENOTTY), "%s on a dma-buf must be ENOTTY, got %s", request.ioctlName(), outcome);
        }
        if (outcome instanceof Outcome.Refused) {
            expect(request instanceof I915Ioctl.GemPread || request instanceof I915Ioctl.GemPwrite,
                    "only a transfer may be refused, %s was: %s", request.ioctlName(), outcome);
        }
        return outcome;
    }

    /** The profile a device follows: device 0 the run's, device 1 generic. */
    private Profile profileOf(int device) {
        return device == 0 ? run.profile : Profiles.GENERIC;
    }

    private void noSuccessWithoutHandle(Target t, Outcome<?> outcome, String ioctl) {
        expect(!outcome.isOk() || t.live(), "%s of handle %s, which the file does not hold, succeeded: %s", ioctl,
                Integer.toUnsignedString(t.handle), outcome);
    }

    /** [7, 8, 17] a handle that a call created: the lowest free number of the file. */
    private void newHandle(Target t, Handle handle, Shadow.Obj obj) {
        int lowest = Shadow.lowestFree(t.drm.handles, 1);
        expect(handle.value() == lowest, "a new handle must be the lowest free %d, got %s", lowest, handle);
        shadow.addHandle(t.drm, handle.value(), obj);
        pick.sawHandle(handle.value());
    }

    /** An offset inside the target object for {@code length} bytes mostly, else anything. */
    private long offsetIn(Target t, long length) {
        Shadow.Obj obj = t.live() ? t.object() : null;
        if (obj != null && obj.size != Shadow.Obj.UNKNOWN_SIZE && pick.chance(80) && length <= obj.size) {
            return pick.below(Math.min(obj.size - length + 1, 1L << 40));
        }
        return pick.chance(50) ? pick.below((int) (4 * Pick.PAGE)) : pick.edgeWord();
    }

    /** An fd and a handle to ask about: the file's own handles mostly. */
    private Target target(Shadow.Proc p) {
        int fd = run.files().drmFd(p);
        Shadow.Open open = p.fds.get(fd);
        Shadow.DrmFile drm = p.alive && open instanceof Shadow.DrmFile file ? file : null;
        int handle;
        if (drm != null && !drm.handles.isEmpty() && pick.chance(70)) {
            handle = pick.of(List.copyOf(drm.handles.keySet()));
        } else {
            handle = pick.strayHandle();
        }
        if (drm != null && drm.handles.size() >= MAX_HANDLES && pick.chance(50)) {
            handle = drm.handles.firstKey();
        }
        return new Target(fd, drm, handle);
    }

    /** The fd an ioctl goes to, the shadow's DRM file behind it (if any), and a handle number. */
    private static final class Target {
        final int fd;
        final Shadow.DrmFile drm;
        final int handle;

        Target(int fd, Shadow.DrmFile drm, int handle) {
            this.fd = fd;
            this.drm = drm;
            this.handle = handle;
        }

        boolean live() {
            return drm != null && drm.handles.containsKey(handle);
        }

        Shadow.Obj object() {
            return drm.handles.get(handle);
        }

        /** Runs the checks that need a DRM file of a live process behind the fd. */
        void file(Runnable checks) {
            if (drm != null) {
                checks.run();
            }
        }
    }
}
