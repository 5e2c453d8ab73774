package org.uapispec.features.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.List;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Driver;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.World;

/** GEM objects: create, close, share by flink name, first GPU use, pwrite. */
public final class ObjectSteps {
    private final World world;

    public ObjectSteps(World world) {
        this.world = world;
    }

    @Given("{file} creates object {word} of {size}")
    public void createsObject(FileRef file, String object, Long size) {
        boolean i915 = world.file(file).device() == 0 && world.profile().driver() == Driver.I915;
        Outcome<Handle> created = i915
                ? call(file, new I915Ioctl.GemCreate(size)).map(I915Ioctl.GemCreate.Result::handle)
                : call(file, dumb(size)).map(DrmIoctl.ModeCreateDumb.Result::handle);
        if (created.isOk()) {
            world.nameHandle(file, object, created.value());
        }
    }

    /** MODE_CREATE_DUMB of one row: the depths a driver's dumb_create takes differ [6]. */
    @When("{file} creates a dumb buffer {word} of {int} pixels at {int} bpp")
    public void createsDumb(FileRef file, String object, Integer width, Integer bpp) {
        Outcome<Handle> created = call(file, new DrmIoctl.ModeCreateDumb(1, width, bpp, 0))
                .map(DrmIoctl.ModeCreateDumb.Result::handle);
        if (created.isOk()) {
            world.nameHandle(file, object, created.value());
        }
    }

    @When("{file} closes {word}")
    public void closes(FileRef file, String object) {
        call(file, new DrmIoctl.GemClose(world.handle(file, object)));
    }

    @Given("{file} shares {word} with {file} by flink name")
    public void sharesByFlink(FileRef owner, String object, FileRef other) {
        Outcome<FlinkName> name = call(owner, new DrmIoctl.GemFlink(world.handle(owner, object)));
        if (!name.isOk()) {
            return;
        }
        Outcome<DrmIoctl.GemOpen.Result> opened = call(other, new DrmIoctl.GemOpen(name.value()));
        if (opened.isOk()) {
            world.nameHandle(other, object, opened.value().handle());
        }
    }

    @When("{file} uses {word} on the GPU")
    public void usesOnGpu(FileRef file, String object) {
        call(file, new I915Ioctl.GemExecbuffer(List.of(world.handle(file, object))));
    }

    @When("{file} writes {string} into {word} with pwrite")
    public void pwrites(FileRef file, String text, String object) {
        call(file, new I915Ioctl.GemPwrite(world.handle(file, object), 0, MemorySteps.bytes(text)));
    }

    /** A linear 32 bpp dumb buffer of {@code size} bytes: 1024 pixels by one row per page. */
    private static DrmIoctl.ModeCreateDumb dumb(long size) {
        int rows = (int) ((size + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE);
        return new DrmIoctl.ModeCreateDumb(rows, 1024, 32, 0);
    }

    private <R> Outcome<R> call(FileRef file, Ioctl<R> request) {
        return world.record(file + ": " + request.ioctlName() + " " + request,
                world.backend().ioctl(world.caller(file), world.fd(file), request));
    }
}
