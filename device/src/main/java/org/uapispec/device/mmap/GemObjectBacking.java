package org.uapispec.device.mmap;

import org.uapispec.api.Outcome;
import org.uapispec.api.Signal;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;

/**
 * A GEM object seen through a mapping: every VMA holds a reference to the object (drm_gem_vm_open /
 * i915's vm_open), so the object outlives its handles while mapped [72]. Mappings through a fake
 * offset are PFN maps that get_user_pages refuses [36, 37]; the legacy GEM_MMAP maps the shmem file.
 */
final class GemObjectBacking implements Backing {
    private final GemObject object;
    private final String label;
    private final boolean pinnable;

    GemObjectBacking(GemObject object, String label, boolean pinnable) {
        this.object = object;
        this.label = label;
        this.pinnable = pinnable;
    }

    /** A write fault on a read-only object is SIGBUS (vm_fault_cpu / vm_fault_gtt) [79]. */
    @Override
    public Outcome<Page> fault(long index, boolean write) {
        if (write && object.storage().readOnly()) {
            return Outcome.sig(Signal.SIGBUS);
        }
        return object.page(index, write);
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return write && object.storage().readOnly() ? first : object.firstRefused(first, count, write);
    }

    @Override
    public boolean pinnable() {
        return pinnable;
    }

    @Override
    public void open() {
        object.getForMapping();
    }

    @Override
    public void close() {
        object.putForMapping();
    }

    @Override
    public String describe() {
        return "gem object " + object.id() + " " + label;
    }
}
