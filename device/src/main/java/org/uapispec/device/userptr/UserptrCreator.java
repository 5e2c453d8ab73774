package org.uapispec.device.userptr;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.UserptrRules;

/**
 * Creates a userptr object for {@code caller} in {@code file}: the profile's argument checks, then
 * what the driver does after them. i915 (seed {@code i915_gem_userptr_ioctl}, K-UP): UNSYNCHRONIZED
 * needs CAP_SYS_ADMIN where the era says so [38], a synchronized object joins the mm's notifier tree
 * under the overlap rule [43-45], and the handle is created; pages wait for the first use [34, 35].
 * exynos (seed 002): pages are pinned here, before the handle. radeon: the object, then the notifier
 * when REGISTER asks for it; pages wait for the object's placement in the GTT.
 *
 * <p>Not modelled: the seed's GPU_MIRROR VMA reservation after the handle (no profile has 48-bit
 * PPGTT, so GPU_MIRROR always stops at ENODEV), CONFIG_MMU_NOTIFIER=n, and exynos's mlock of whole
 * VMAs (not observable through the uAPI).
 */
final class UserptrCreator {
    private final GemFile file;
    private final Process caller;
    private final GemDevice device;
    private final UserptrRules rules;

    UserptrCreator(GemFile file, Process caller) {
        this.file = file;
        this.caller = caller;
        this.device = file.gemDevice();
        this.rules = device.profile().userptr();
    }

    Outcome<Handle> create(UserptrRequest request) {
        if (!rules.supported()) {
            return Outcome.err(Errno.EINVAL); // no such ioctl in the driver's table
        }
        return new CreationChecks(rules, device.profile().gem().radeon(), caller.memory()).run(request)
                .then(v -> rules.pinAtCreation() ? createPinned(request) : createLazy(request));
    }

    private Outcome<Handle> createLazy(UserptrRequest request) {
        int flags = request.flags();
        boolean unsync = switch (rules.flagBits()) {
            case I915 -> (flags & I915Ioctl.USERPTR_UNSYNCHRONIZED) != 0;
            case RADEON -> (flags & RadeonIoctl.USERPTR_REGISTER) == 0; // no notifier without REGISTER
            case EXYNOS -> false;
        };
        boolean readOnly = switch (rules.flagBits()) {
            case I915 -> (flags & I915Ioctl.USERPTR_READ_ONLY) != 0;
            case RADEON -> (flags & RadeonIoctl.USERPTR_READONLY) != 0;
            case EXYNOS -> false;
        };
        if (unsync && rules.unsyncNeedsSysAdmin() && !caller.credentials().sysAdmin()) {
            return Outcome.err(Errno.EPERM); // [38] i915_gem_userptr_init__mmu_notifier
        }
        UserptrRange range = new UserptrRange(request.ptr(), request.size());
        UserptrStorage storage = new UserptrStorage(device, caller.memory(), range, readOnly);
        if (!unsync) {
            Outcome<Void> registered = storage.register();
            if (!registered.isOk()) {
                return registered.map(v -> null);
            }
        }
        return Outcome.ok(handleFor(range.size(), storage));
    }

    /** exynos: the size is rounded up, the range starts at the pointer's page. */
    private Outcome<Handle> createPinned(UserptrRequest request) {
        long size = CreationChecks.roundedSize(request.size());
        UserptrRange range = new UserptrRange(request.ptr() & -Mman.PAGE_SIZE, size);
        Outcome<Optional<PageSource>> pinned = ExynosPinner.pin(caller.memory(), range);
        if (!pinned.isOk()) {
            return pinned.map(v -> null);
        }
        if (pinned.value().isEmpty()) {
            return Outcome.ok(new Handle(0)); // a positive return: success, no handle written
        }
        UserptrStorage storage = new UserptrStorage(device, caller.memory(), range, pinned.value().get());
        return Outcome.ok(handleFor(size, storage));
    }

    private Handle handleFor(long size, UserptrStorage storage) {
        GemObject object = device.newObject(size, storage);
        return device.createHandle(file, object);
    }
}
