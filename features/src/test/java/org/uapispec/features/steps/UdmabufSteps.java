package org.uapispec.features.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.Locale;
import org.opentest4j.TestAbortedException;
import org.uapispec.api.Fd;
import org.uapispec.api.Memfd;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.features.support.World;

/** memfds, their seals, and the udmabuf made of their pages (catalogue A.6). */
public final class UdmabufSteps {
    private final World world;

    public UdmabufSteps(World world) {
        this.world = world;
    }

    /**
     * A requirement, as a spec's {@code require}: the machine has /dev/udmabuf (Debian builds it from
     * 6.12), else the scenario is skipped with the reason. The open's answer is the kernel's or the
     * model's, whichever the scenario runs on.
     */
    @Given("the kernel has udmabuf")
    public void hasUdmabuf() {
        Pid pid = world.process("A");
        Outcome<Fd> node = world.backend().open(pid, MiscDevice.UDMABUF);
        if (!node.isOk()) {
            throw new TestAbortedException("open(/dev/udmabuf) answered " + node + " on "
                    + (world.kernel().isEmpty() ? "the model" : world.kernel()) + ": no udmabuf there");
        }
        world.backend().close(pid, node.value());
    }

    /** A sealable memfd (MFD_ALLOW_SEALING) of {@code size} bytes (ftruncate). */
    @Given("process {word} creates memfd {word} of {size}")
    public void createsMemfd(String process, String memfd, Long size) {
        Pid pid = world.process(process);
        Outcome<Fd> fd = world.record("process " + process + ": memfd_create(\"" + memfd + "\", MFD_ALLOW_SEALING)",
                world.backend().memfdCreate(pid, memfd, Memfd.MFD_ALLOW_SEALING));
        if (fd.isOk()) {
            world.nameMemfd(memfd, fd.value());
            world.record("process " + process + ": ftruncate(" + memfd + ", " + size + ")",
                    world.backend().ftruncate(pid, fd.value(), size));
        }
    }

    /** {@code seals} names F_SEAL_ bits joined by "and": {@code shrink and future-write}; "nothing" adds none. */
    @Given("process {word} seals memfd {word} against {word}")
    public void seals(String process, String memfd, String seals) {
        int bits = sealBits(seals);
        if (bits != 0) {
            world.record("process " + process + ": fcntl(" + memfd + ", F_ADD_SEALS, " + seals + ")",
                    world.backend().addSeals(world.process(process), world.memfd(memfd), bits));
        }
    }

    @Given("process {word} seals memfd {word} against {word} and {word}")
    public void sealsTwo(String process, String memfd, String first, String second) {
        seals(process, memfd, first);
        seals(process, memfd, second);
    }

    @When("process {word} maps {size} of memfd {word} {prot} as {word}")
    public void mapsMemfd(String process, Long size, String memfd, Integer prot, String mapping) {
        MmapRequest request = MmapRequest.shared(world.memfd(memfd), 0, size, prot);
        Outcome<Long> mapped = world.record("process " + process + ": mmap(memfd " + memfd + ", " + size + " bytes)",
                world.backend().mmap(world.process(process), request));
        if (mapped.isOk()) {
            world.nameMapping(mapping, new World.Range(mapped.value(), size));
        }
    }

    @When("process {word} closes memfd {word}")
    public void closesMemfd(String process, String memfd) {
        world.record("process " + process + ": close(memfd " + memfd + ")",
                world.backend().close(world.process(process), world.memfd(memfd)));
    }

    /** Opens /dev/udmabuf and asks UDMABUF_CREATE for the first {@code size} bytes of the memfd. */
    @When("process {word} makes udmabuf {word} of {size} of memfd {word}")
    public void makesUdmabuf(String process, String dmaBuf, Long size, String memfd) {
        Pid pid = world.process(process);
        Outcome<Fd> node = world.record("process " + process + ": open(/dev/udmabuf)",
                world.backend().open(pid, MiscDevice.UDMABUF));
        if (!node.isOk()) {
            return;
        }
        UdmabufIoctl.Create create = new UdmabufIoctl.Create(0, new UdmabufIoctl.Item(world.memfd(memfd), 0, size));
        Outcome<Fd> made = world.record("process " + process + ": UDMABUF_CREATE(" + memfd + ", 0, " + size + ")",
                world.backend().ioctl(pid, node.value(), create));
        if (made.isOk()) {
            world.nameDmaBuf(dmaBuf, made.value());
        }
    }

    private static int sealBits(String seals) {
        return switch (seals.toLowerCase(Locale.ROOT)) {
            case "nothing" -> 0;
            case "shrinking" -> Memfd.F_SEAL_SHRINK;
            case "growing" -> Memfd.F_SEAL_GROW;
            case "writes" -> Memfd.F_SEAL_WRITE;
            case "future-writes" -> Memfd.F_SEAL_FUTURE_WRITE;
            default -> throw new IllegalArgumentException("no seal called '" + seals
                    + "': say nothing, shrinking, growing, writes or future-writes");
        };
    }

}
