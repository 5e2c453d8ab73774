package org.uapispec.device.mmap;

import java.util.Optional;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.dmabuf.ImportedStorage;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.MmapRules;

/**
 * The mmap-offset ioctls of one call, and mmap(2) of a DRM file. Which ioctl hands out which node is
 * the profile's {@link MmapRules.OffsetSource}; every path ends in {@link #assign}.
 */
public final class MmapIoctls {
    private final DrmFile file;
    private final Process caller;
    private final OffsetSpace space;
    private final MmapRules rules;

    public MmapIoctls(DrmFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.space = OffsetSpace.of(file.device());
        this.rules = space.rules();
    }

    /**
     * MODE_MAP_DUMB: the core's drm_gem_dumb_map_offset refuses imports (EINVAL) [87]; i915 maps
     * dumb buffers through its GTT offset (3.16) or, from 5.5, through FIXED / WC / GTT, whichever
     * the device has (i915_gem_dumb_mmap_offset).
     */
    public Outcome<MmapOffset> mapDumb(DrmIoctl.ModeMapDumb request) {
        return switch (rules.source()) {
            case CORE_DUMB -> lookup(request.handle()).then(object -> object.storage() instanceof ImportedStorage
                    ? Outcome.err(Errno.EINVAL) : assign(object, OffsetType.OBJECT, "dumb"));
            case LEGACY_GTT -> legacyGtt(request.handle());
            case MMAP_OFFSET -> dumbType().then(type -> lookup(request.handle())
                    .then(object -> assign(object, type, type.name())));
        };
    }

    /**
     * A driver's own map ioctl that gives the object's one node (virtio-gpu's VIRTGPU_MAP,
     * virtio_gpu_mode_dumb_mmap): ENOENT for a bad handle, then the offset.
     */
    public Outcome<MmapOffset> mapObject(Handle handle) {
        return lookup(handle).then(object -> assign(object, OffsetType.OBJECT, "dumb"));
    }

    /** MMAP_GTT: since 5.5 the same ioctl as MMAP_OFFSET, its short struct zero-extended to type GTT [85]. */
    public Outcome<MmapOffset> mmapGtt(I915Ioctl.GemMmapGtt request) {
        return mmapOffset(new I915Ioctl.GemMmapOffset(request.handle(), I915Ioctl.MmapType.GTT));
    }

    /**
     * MMAP_OFFSET: the extension chain first (EFAULT / EINVAL) [60], then the type (EINVAL, or ENODEV
     * where the device lacks it) [59, 62], then the handle (ENOENT); {@code pad} is never looked at
     * [61]. Before 5.5 the number is MMAP_GTT's and only the handle is read (I).
     */
    public Outcome<MmapOffset> mmapOffset(I915Ioctl.GemMmapOffset request) {
        if (rules.source() != MmapRules.OffsetSource.MMAP_OFFSET) {
            return legacyGtt(request.handle());
        }
        return UserExtensions.check(caller.memory(), request.extensions())
                .then(v -> MmapTypes.parse(request.flags(), rules))
                .then(type -> lookup(request.handle()).then(object -> assign(object, type, type.name())));
    }

    /** I915_GEM_MMAP, the legacy CPU mmap [86]. */
    public Outcome<Long> gemMmap(I915Ioctl.GemMmap request) {
        return new LegacyCpuMmap(file, caller, rules).map(request);
    }

    /** mmap(2) of this DRM file at a fake offset [64, 74-78]. */
    public Outcome<OpenFile.Mapping> mmapFile(MmapRequest request) {
        return new DeviceFileMmap(file, space).map(request);
    }

    private Outcome<MmapOffset> legacyGtt(Handle handle) {
        return lookup(handle).then(object -> assign(object, OffsetType.OBJECT, "GTT"));
    }

    private Outcome<OffsetType> dumbType() {
        if (rules.localMemory()) {
            return Outcome.ok(OffsetType.FIXED);
        }
        if (rules.pat()) {
            return Outcome.ok(OffsetType.WC);
        }
        return rules.aperture() ? Outcome.ok(OffsetType.GTT) : Outcome.err(Errno.ENODEV);
    }

    private Outcome<GemObject> lookup(Handle handle) {
        Optional<GemObject> object = file.handles().lookup(handle);
        return object.map(Outcome::ok).orElseGet(() -> Outcome.err(Errno.ENOENT)); // [14, 15]
    }

    /**
     * __assign_mmap_offset and mmap_offset_attach: the storage may refuse the type, named as
     * {@code Storage.offsetAllowed} expects ({@code "dumb"} on the core path, {@code "GTT"} on the
     * 3.16 GTT path, else the MMAP_OFFSET type), e.g. userptr and imports
     * unless the RFC forwards it [51, 99]; native objects in local memory have only FIXED, other
     * objects never [62];
     * then the node of (object, type) gets its range once [63] and, on per-file profiles, the caller
     * joins its allow list, once or once more per ask [65, 69].
     */
    private Outcome<MmapOffset> assign(GemObject object, OffsetType type, String storageType) {
        if (!Forwarding.forwards(rules, object, type)) {
            Outcome<Void> allowed = object.storage().offsetAllowed(storageType);
            if (!allowed.isOk()) {
                return allowed.map(v -> null);
            }
        }
        boolean ttmObject = rules.localMemory() && !(object.storage() instanceof ImportedStorage);
        if (type != OffsetType.OBJECT && ttmObject != (type == OffsetType.FIXED)) {
            return Outcome.err(Errno.ENODEV);
        }
        OffsetNode node = space.node(object, type);
        if (!space.allocate(node)) {
            return Outcome.err(Errno.ENOSPC);
        }
        if (rules.perFileOffsets()) {
            node.allow(file, rules.allowOnce());
        }
        return Outcome.ok(new MmapOffset(node.start() << 12));
    }
}
