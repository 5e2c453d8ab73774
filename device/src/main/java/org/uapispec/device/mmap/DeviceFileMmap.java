package org.uapispec.device.mmap;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.dmabuf.ImportedStorage;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.profile.MmapRules;

/**
 * mmap(2) of a DRM file, as drm_gem_mmap and i915_gem_mmap answer it: the node that spans the request
 * or EINVAL [64, 70, 74, 76] (also when only TTM still holds the object), the caller's file on its allow list or EACCES [64, 65, 67], a read-only
 * object mapped without write or EINVAL [78], MAP_PRIVATE where the objects refuse it, and then a
 * mapping of the object (or, for a forwarded import, of its dma-buf).
 */
final class DeviceFileMmap {
    private static final int RX = Mman.PROT_READ | Mman.PROT_EXEC;
    private static final int RWX = RX | Mman.PROT_WRITE;

    private final DrmFile file;
    private final OffsetSpace space;
    private final MmapRules rules;

    DeviceFileMmap(DrmFile file, OffsetSpace space) {
        this.file = file;
        this.space = space;
        this.rules = space.rules();
    }

    Outcome<OpenFile.Mapping> map(MmapRequest request) {
        long pgoff = request.offset() >>> 12;
        long pages = (request.length() + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE;
        Optional<OffsetNode> found = space.lookup(pgoff, pages);
        if (found.isEmpty()) {
            return Outcome.err(Errno.EINVAL);
        }
        OffsetNode node = found.get();
        if (!rules.mappingHoldsObject() && !node.object().heldBesideMappings()) {
            return Outcome.err(Errno.EINVAL); // drm_gem_mmap: kref_get_unless_zero of a GEM object only TTM holds
        }
        if (!node.isAllowed(file)) {
            return Outcome.err(Errno.EACCES);
        }
        GemObject object = node.object();
        int maxProt = RWX;
        if (object.storage().readOnly()) {
            if ((request.prot() & Mman.PROT_WRITE) != 0) {
                return Outcome.err(Errno.EINVAL);
            }
            maxProt = RX; // VM_MAYWRITE cleared: a later mprotect(PROT_WRITE) is EACCES
        }
        boolean shared = (request.flags() & Mman.MAP_SHARED) != 0;
        if (Forwarding.forwards(rules, object, node.type())) {
            // i915_gem_object_mmap: dma_buf_mmap(obj->base.dma_buf, vma, 0), always from page 0
            return ((ImportedStorage) object.storage()).dmaBuf().exporterMmap(0, pages, shared, maxProt);
        }
        if (!shared && rules.privateRefused() && (maxProt & Mman.PROT_WRITE) != 0) {
            return Outcome.err(Errno.EINVAL); // drm_gem_shmem_mmap: is_cow_mapping (private and VM_MAYWRITE)
        }
        GemObjectBacking backing = new GemObjectBacking(object, "offset " + node.type(), false);
        return Outcome.ok(new OpenFile.Mapping(backing, pgoff - node.start(), maxProt, rules.faultsFromStart()));
    }
}
