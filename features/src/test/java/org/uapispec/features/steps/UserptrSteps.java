package org.uapispec.features.steps;

import io.cucumber.java.en.When;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.World;

/** The userptr ioctl over the calling process's buffer (i915's, and exynos's with the same fields). */
public final class UserptrSteps {
    private final World world;

    public UserptrSteps(World world) {
        this.world = world;
    }

    @When("{file} creates {userptr} {word} of {size} at {place} of the buffer")
    public void createsUserptr(FileRef file, Integer flags, String object, Long size, Long place) {
        long ptr = world.buffer(world.callerName(file)).addr() + place;
        I915Ioctl.GemUserptr request = new I915Ioctl.GemUserptr(ptr, size, flags);
        Outcome<Handle> created = world.record(file + ": " + request.ioctlName() + "(buffer + " + place + ", "
                + size + " bytes, flags 0x" + Integer.toHexString(flags) + ")",
                world.backend().ioctl(world.caller(file), world.fd(file), request));
        if (created.isOk()) {
            world.nameHandle(file, object, created.value());
        }
    }
}
