package org.uapispec.features.steps;

import io.cucumber.java.en.When;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.MmapRules.OffsetSource;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.OffsetKind;
import org.uapispec.features.support.World;

/** Fake mmap offsets of GEM objects and shared mappings of them through a DRM file. */
public final class MmapSteps {
    private final World world;

    public MmapSteps(World world) {
        this.world = world;
    }

    @When("{file} asks for the {mmaptype} offset of {word}")
    public void asksForOffset(FileRef file, OffsetKind kind, String object) {
        Ioctl<MmapOffset> request = request(file, kind, world.handle(file, object));
        Outcome<MmapOffset> offset = world.record(file + ": " + request.ioctlName() + " " + request,
                world.backend().ioctl(world.caller(file), world.fd(file), request));
        if (offset.isOk()) {
            world.nameOffset(object, offset.value());
        }
    }

    /** Maps {@code object} at the offset last handed out for it, whichever file asked. */
    @When("{file} maps {size} of {word} {prot} as {word}")
    public void mapsObject(FileRef file, Long size, String object, Integer prot, String mapping) {
        MmapRequest request = MmapRequest.shared(world.fd(file), world.offset(object).value(), size, prot);
        Outcome<Long> mapped = world.record(file + ": mmap(" + object + " at " + world.offset(object) + ", "
                + size + " bytes, prot " + prot + ")", world.backend().mmap(world.caller(file), request));
        if (mapped.isOk()) {
            world.nameMapping(mapping, new World.Range(mapped.value(), size));
        }
    }

    /** Maps one page at the page below the offset last handed out for {@code object} [64]. */
    @When("{file} maps the page below the offset of {word}")
    public void mapsBelow(FileRef file, String object) {
        long below = world.offset(object).value() - Mman.PAGE_SIZE;
        MmapRequest request = MmapRequest.shared(world.fd(file), below, Mman.PAGE_SIZE,
                Mman.PROT_READ);
        world.record(file + ": mmap(the page below " + object + " at 0x" + Long.toHexString(below) + ")",
                world.backend().mmap(world.caller(file), request));
    }

    private Ioctl<MmapOffset> request(FileRef file, OffsetKind kind, Handle handle) {
        if (kind.mmapType().isPresent()) {
            return new I915Ioctl.GemMmapOffset(handle, kind.mmapType().get());
        }
        boolean device0 = world.file(file).device() == 0;
        OffsetSource source = device0 ? world.profile().mmap().source() : OffsetSource.CORE_DUMB;
        if (kind == OffsetKind.DUMB || source == OffsetSource.CORE_DUMB) {
            return new DrmIoctl.ModeMapDumb(handle);
        }
        if (source == OffsetSource.LEGACY_GTT) {
            return new I915Ioctl.GemMmapGtt(handle);
        }
        return new I915Ioctl.GemMmapOffset(handle, I915Ioctl.MmapType.WB);
    }
}
