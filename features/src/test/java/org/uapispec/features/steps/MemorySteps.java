package org.uapispec.features.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.features.support.World;

/** Anonymous memory, munmap, mprotect, and CPU loads and stores through named mappings. */
public final class MemorySteps {
    private final World world;

    public MemorySteps(World world) {
        this.world = world;
    }

    @Given("process {word} maps {size} {prot}")
    public void mapsAnonymous(String process, Long size, Integer prot) {
        Outcome<Long> mapped = world.record("process " + process + ": mmap(anonymous, " + size + " bytes)",
                world.backend().mmap(world.process(process), MmapRequest.anonymous(size, prot)));
        if (mapped.isOk()) {
            world.setBuffer(process, new World.Range(mapped.value(), size));
        }
    }

    @When("process {word} unmaps {size} at {place} of the buffer")
    public void unmapsPartOfBuffer(String process, Long size, Long place) {
        long addr = world.buffer(process).addr() + place;
        world.record("process " + process + ": munmap(buffer + " + place + ", " + size + ")",
                world.backend().munmap(world.process(process), addr, size));
    }

    @When("process {word} unmaps {mapping}")
    public void unmapsMapping(String process, String mapping) {
        World.Range range = world.range(process, mapping);
        world.record("process " + process + ": munmap(" + mapping + ")",
                world.backend().munmap(world.process(process), range.addr(), range.length()));
    }

    @When("process {word} changes {mapping} to {prot}")
    public void mprotects(String process, String mapping, Integer prot) {
        World.Range range = world.range(process, mapping);
        world.record("process " + process + ": mprotect(" + mapping + ", " + prot + ")",
                world.backend().mprotect(world.process(process), range.addr(), range.length(), prot));
    }

    @When("process {word} writes {string} through {mapping}")
    public void writes(String process, String text, String mapping) {
        world.record("process " + process + ": store \"" + text + "\" at " + mapping,
                world.backend().write(world.process(process), world.range(process, mapping).addr(), bytes(text)));
    }

    @Then("process {word} reads {string} through {mapping}")
    public void reads(String process, String text, String mapping) {
        Outcome<byte[]> read = world.record("process " + process + ": load from " + mapping,
                world.backend().read(world.process(process), world.range(process, mapping).addr(), text.length()));
        world.check();
        assertThat(read.isOk())
                .withFailMessage(() -> "the load from " + mapping + " returned " + read + "\n" + world.state())
                .isTrue();
        assertThat(new String(read.value(), StandardCharsets.US_ASCII)).as("bytes read through " + mapping)
                .isEqualTo(text);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
