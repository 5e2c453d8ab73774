package org.uapispec.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.World;

/** PRIME export and import, and mapping the dma-buf fd itself. */
public final class DmaBufSteps {
    private final World world;

    public DmaBufSteps(World world) {
        this.world = world;
    }

    /** {@code read-write} exports with DRM_RDWR (writable mappings allowed), {@code read-only} without. */
    @When("{file} exports {word} {prot} as dma-buf {word}")
    public void exports(FileRef file, String object, Integer prot, String dmaBuf) {
        int flags = DrmIoctl.DRM_CLOEXEC | ((prot & Mman.PROT_WRITE) != 0 ? DrmIoctl.DRM_RDWR : 0);
        Outcome<Fd> fd = call(file, new DrmIoctl.PrimeHandleToFd(world.handle(file, object), flags));
        if (fd.isOk()) {
            world.nameDmaBuf(dmaBuf, fd.value());
        }
    }

    @When("{file} imports dma-buf {word} as {word}")
    public void imports(FileRef file, String dmaBuf, String object) {
        Outcome<Handle> handle = call(file, new DrmIoctl.PrimeFdToHandle(world.dmaBuf(dmaBuf)));
        if (handle.isOk()) {
            world.nameHandle(file, object, handle.value());
        }
    }

    @Then("{file} holds {word} and {word} under the same handle")
    public void sameHandle(FileRef file, String first, String second) {
        assertThat(world.handle(file, second)).as(second + " and " + first + " in " + file)
                .isEqualTo(world.handle(file, first));
    }

    @When("process {word} maps {size} of dma-buf {word} {prot} as {word}")
    public void mapsDmaBuf(String process, Long size, String dmaBuf, Integer prot, String mapping) {
        MmapRequest request = MmapRequest.shared(world.dmaBuf(dmaBuf), 0, size, prot);
        Outcome<Long> mapped = world.record("process " + process + ": mmap(dma-buf " + dmaBuf + ", " + size
                + " bytes, prot " + prot + ")", world.backend().mmap(world.process(process), request));
        if (mapped.isOk()) {
            world.nameMapping(mapping, new World.Range(mapped.value(), size));
        }
    }

    @When("process {word} closes dma-buf {word}")
    public void closesDmaBuf(String process, String dmaBuf) {
        world.record("process " + process + ": close(dma-buf " + dmaBuf + ")",
                world.backend().close(world.process(process), world.dmaBuf(dmaBuf)));
    }

    private <R> Outcome<R> call(FileRef file, Ioctl<R> request) {
        return world.record(file + ": " + request.ioctlName() + " " + request,
                world.backend().ioctl(world.caller(file), world.fd(file), request));
    }
}
