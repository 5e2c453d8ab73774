package org.uapispec.device.mmap;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.MmapRules;

/**
 * I915_GEM_MMAP, i915_gem_mmap_ioctl on an integrated part of graphics version 12.0 or older [86]:
 * flags other than WC EINVAL, WC without PAT ENODEV, a bad handle ENOENT, no shmem file ENXIO, a range
 * outside the object EINVAL; then vm_mmap of the shmem file (shared, read-write) in the caller, so
 * the mapping is pinnable and bypasses the fake-offset allow lists.
 */
final class LegacyCpuMmap {
    private static final int RWX = Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC;

    private final DrmFile file;
    private final Process caller;
    private final MmapRules rules;

    LegacyCpuMmap(DrmFile file, Process caller, MmapRules rules) {
        this.file = file;
        this.caller = caller;
        this.rules = rules;
    }

    Outcome<Long> map(I915Ioctl.GemMmap request) {
        if ((request.flags() & ~I915Ioctl.MMAP_WC) != 0) {
            return Outcome.err(Errno.EINVAL);
        }
        if (request.flags() != 0 && !rules.pat()) {
            return Outcome.err(Errno.ENODEV);
        }
        Optional<GemObject> found = file.handles().lookup(request.handle());
        if (found.isEmpty()) {
            return Outcome.err(Errno.ENOENT);
        }
        GemObject object = found.get();
        if (!object.storage().hasShmemFile()) {
            return Outcome.err(Errno.ENXIO);
        }
        long offset = request.offset();
        long size = request.size();
        if (Long.compareUnsigned(offset, object.size()) >= 0 || Long.compareUnsigned(size, object.size() - offset) > 0) {
            return Outcome.err(Errno.EINVAL); // range_overflows
        }
        if (size == 0 || offset % Mman.PAGE_SIZE != 0) {
            return Outcome.err(Errno.EINVAL); // vm_mmap
        }
        long length = (size + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
        int prot = Mman.PROT_READ | Mman.PROT_WRITE;
        return caller.memory().map(0, length, prot, RWX, Mman.MAP_SHARED,
                new GemObjectBacking(object, "shmem", true), offset / Mman.PAGE_SIZE);
    }
}
