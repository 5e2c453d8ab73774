package org.uapispec.device.gem;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.process.Process;
import org.uapispec.device.process.Transfer;
import org.uapispec.device.profile.GemRules;

/**
 * The GEM ioctls of one call: object creation, handle close, flink and open, dumb buffers,
 * pread/pwrite, set-domain and the first GPU use. Permission and driver checks happen before a call
 * reaches here.
 */
public final class GemIoctls {
    private static final long PAGE = Mman.PAGE_SIZE;
    private static final long U32_MAX = 0xffffffffL;
    /** I915_GEM_GPU_DOMAINS: every domain but CPU and GTT; SET_DOMAIN refuses them. */
    private static final int GPU_DOMAINS = 0x3e;

    private final GemFile file;
    private final GemDevice device;
    private final GemRules rules;

    public GemIoctls(GemFile file) {
        this.file = file;
        this.device = file.gemDevice();
        this.rules = device.profile().gem();
    }

    /** I915_GEM_CREATE: size rounded up to pages; 0 and wrapping sizes EINVAL [1, 2], huge E2BIG [3, 4]. */
    public Outcome<I915Ioctl.GemCreate.Result> create(I915Ioctl.GemCreate request) {
        long rounded = (request.size() + PAGE - 1) & -PAGE;
        if (request.size() == 0 || rounded == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        return newShmemObject(rounded)
                .map(handle -> new I915Ioctl.GemCreate.Result(handle, rounded));
    }

    /**
     * MODE_CREATE_DUMB: drm_mode_create_dumb's checks in u32 arithmetic, then the driver's dumb_create:
     * the depths it takes (virtio_gpu_mode_dumb_create only 32, qxl_mode_dumb_create 16 and 32), its
     * pitch (radeon aligns rows), a page-aligned object whose size is reported rounded or as
     * pitch * height, and the memory the
     * driver backs it with at creation; {@code flags} is not looked at [6].
     */
    public Outcome<DrmIoctl.ModeCreateDumb.Result> createDumb(DrmIoctl.ModeCreateDumb request) {
        long width = Integer.toUnsignedLong(request.width());
        long height = Integer.toUnsignedLong(request.height());
        long bpp = Integer.toUnsignedLong(request.bpp());
        if (width == 0 || height == 0 || bpp == 0 || bpp > U32_MAX - 8) {
            return Outcome.err(Errno.EINVAL);
        }
        long cpp = (bpp + 7) / 8;
        if (cpp > U32_MAX / width) {
            return Outcome.err(Errno.EINVAL);
        }
        long stride = cpp * width;
        if (height > U32_MAX / stride) {
            return Outcome.err(Errno.EINVAL);
        }
        long aligned = ((height * stride + PAGE - 1) & -PAGE) & U32_MAX;
        if (aligned == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (!rules.dumbDepths().isEmpty() && !rules.dumbDepths().contains((int) bpp)) {
            return Outcome.err(Errno.EINVAL);
        }
        long pitch = rules.dumbPitch().pitch(width, cpp); // the driver's own layout of the rows
        if (pitch == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        long size = height * pitch;
        long rounded = (size + PAGE - 1) & -PAGE;
        long reported = rules.dumbSizeRounded() ? rounded : size;
        return newDriverObject(rounded)
                .map(handle -> new DrmIoctl.ModeCreateDumb.Result(handle, (int) pitch, reported));
    }

    /** GEM_CLOSE and MODE_DESTROY_DUMB: EINVAL for an unknown or closed handle, pad unchecked [9-11]. */
    public Outcome<Void> close(Handle handle) {
        return device.deleteHandle(file, handle) ? Outcome.ok() : Outcome.err(Errno.EINVAL);
    }

    /** GEM_FLINK: ENOENT for a bad handle [20]; the same name every time [19]. */
    public Outcome<FlinkName> flink(Handle handle) {
        Optional<GemObject> object = file.handles().lookup(handle);
        if (object.isEmpty() || object.get().handleCount() == 0) {
            return Outcome.err(Errno.ENOENT); // [23]: no handle left means a concurrent close won
        }
        return Outcome.ok(device.flink(object.get()));
    }

    /** GEM_OPEN: a new alias handle even in the same file [17, 18]; ENOENT for an unknown name [20]. */
    public Outcome<DrmIoctl.GemOpen.Result> open(FlinkName name) {
        Optional<GemObject> object = device.byName(name);
        if (object.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        Handle handle = device.createHandle(file, object.get());
        return Outcome.ok(new DrmIoctl.GemOpen.Result(handle, object.get().size()));
    }

    /**
     * I915_GEM_PREAD [109], i915_gem_pread_ioctl's order: size 0 returns before anything; a size no
     * user buffer can have fails access_ok (EFAULT); then ENOENT, then the bounds (EINVAL). A read the
     * kernel would carry out but that is longer than a backend carries is refused.
     */
    public Outcome<byte[]> pread(I915Ioctl.GemPread request) {
        long size = request.size();
        if (size == 0) {
            return Outcome.ok(new byte[0]);
        }
        if (!userBufferFits(size)) {
            return Outcome.err(Errno.EFAULT);
        }
        return copyTarget(request.handle(), request.offset(), size, false)
                .then(object -> Transfer.tooLong(size)
                        ? Transfer.refused("pread", size)
                        : ObjectCopy.read(object, request.offset(), (int) size));
    }

    /** I915_GEM_PWRITE [109]: as pread, and a read-only object refuses with EINVAL [42]. */
    public Outcome<Void> pwrite(I915Ioctl.GemPwrite request) {
        byte[] data = request.data();
        if (data.length == 0) {
            return Outcome.ok();
        }
        return copyTarget(request.handle(), request.offset(), data.length, true)
                .then(object -> Transfer.tooLong(data.length)
                        ? Transfer.refused("pwrite", data.length)
                        : ObjectCopy.write(object, request.offset(), data));
    }

    /** I915_GEM_SET_DOMAIN: ENOENT, EINVAL for GPU domains, then the storage's probe [35]. */
    public Outcome<Void> setDomain(I915Ioctl.GemSetDomain request, Process caller) {
        Optional<GemObject> object = file.handles().lookup(request.handle());
        if (object.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        int domains = request.readDomains() | request.writeDomain();
        if ((domains & GPU_DOMAINS) != 0
                || (request.writeDomain() != 0 && request.readDomains() != request.writeDomain())) {
            return Outcome.err(Errno.EINVAL);
        }
        return object.get().storage().setDomain(caller);
    }

    /**
     * EXECBUFFER2 as the first GPU use: ENOENT for a bad handle [14], EINVAL when two handles alias
     * one object [17], then every object's pages are resolved [34, 46, 49].
     */
    public Outcome<Void> execbuffer(List<Handle> handles, Process caller) {
        Set<GemObject> seen = new HashSet<>();
        for (Handle handle : handles) {
            Optional<GemObject> object = file.handles().lookup(handle);
            if (object.isEmpty()) {
                return Outcome.err(Errno.ENOENT);
            }
            if (!seen.add(object.get())) {
                return Outcome.err(Errno.EINVAL);
            }
        }
        for (GemObject object : seen) {
            Outcome<Void> used = object.storage().useOnGpu(caller);
            if (!used.isOk()) {
                return used;
            }
        }
        return Outcome.ok();
    }

    /**
     * access_ok(data_ptr, size) for the caller's buffer, which the backend owns and places in the
     * caller's address space: no buffer of more than the user address space exists.
     */
    private static boolean userBufferFits(long size) {
        return AddressSpace.accessOk(AddressSpace.MIN_ADDR, size);
    }

    /**
     * An object a driver places in its device's memory, {@code aligned} bytes (a page multiple): a
     * dumb buffer, a virtio-gpu resource, a qxl ALLOC. Past the device's memory ({@code dumbLimit}:
     * the guest's for virtio-gpu, which pins the pages; the VRAM for qxl) the driver's errno.
     */
    public Outcome<Handle> newDriverObject(long aligned) {
        if (aligned > rules.dumbLimit()) {
            return Outcome.err(rules.dumbTooBig());
        }
        return newShmemObject(aligned);
    }

    /**
     * A new object of {@code size} bytes whose placement the driver has already checked against its
     * own memory (radeon's GEM_CREATE), with a handle in the caller's file.
     */
    public Outcome<Handle> newPlacedObject(long size) {
        return newShmemObject(size);
    }

    private Outcome<Handle> newShmemObject(long size) {
        if (Long.compareUnsigned(size, rules.createLimit()) > 0) {
            return Outcome.err(rules.createTooBig());
        }
        GemObject object = device.newObject(size, new ShmemStorage());
        return Outcome.ok(device.createHandle(file, object));
    }

    private Outcome<GemObject> copyTarget(Handle handle, long offset, long size, boolean write) {
        Optional<GemObject> found = file.handles().lookup(handle);
        if (found.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        GemObject object = found.get();
        if (Long.compareUnsigned(offset, object.size()) > 0
                || Long.compareUnsigned(size, object.size() - offset) > 0) {
            return Outcome.err(Errno.EINVAL);
        }
        Outcome<Void> allowed = object.storage().cpuCopyAllowed(write);
        if (!allowed.isOk()) {
            return allowed.map(v -> object);
        }
        if (write && object.storage().readOnly()) {
            return Outcome.err(Errno.EINVAL);
        }
        return Outcome.ok(object);
    }
}
