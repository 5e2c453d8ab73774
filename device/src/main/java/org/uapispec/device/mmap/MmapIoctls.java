package org.uapispec.device.mmap;

import org.uapispec.device.api.DrmIoctl;
import org.uapispec.device.api.Errno;
import org.uapispec.device.api.I915Ioctl;
import org.uapispec.device.api.MmapOffset;
import org.uapispec.device.api.MmapRequest;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/** The mmap-offset ioctls of one call, and mmap(2) of a DRM file. */
public final class MmapIoctls {
    private final DrmFile file;
    private final Process caller;

    public MmapIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
    }

    /** MODE_MAP_DUMB. */
    public Outcome<MmapOffset> mapDumb(DrmIoctl.ModeMapDumb request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** I915_GEM_MMAP_GTT. */
    public Outcome<MmapOffset> mmapGtt(I915Ioctl.GemMmapGtt request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** I915_GEM_MMAP_OFFSET. */
    public Outcome<MmapOffset> mmapOffset(I915Ioctl.GemMmapOffset request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** I915_GEM_MMAP (legacy CPU mmap). */
    public Outcome<Long> gemMmap(I915Ioctl.GemMmap request) {
        return Outcome.err(Errno.ENOSYS);
    }

    /** mmap(2) of this DRM file at a fake offset: EINVAL while no offset names anything [64]. */
    public Outcome<OpenFile.Mapping> mmapFile(MmapRequest request) {
        return Outcome.err(Errno.EINVAL);
    }

    DrmFile file() {
        return file;
    }

    Process caller() {
        return caller;
    }
}
