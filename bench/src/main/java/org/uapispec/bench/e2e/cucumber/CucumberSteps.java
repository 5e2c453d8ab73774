package org.uapispec.bench.e2e.cucumber;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Mman;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.reference.ReferenceDevice;

/**
 * Step definitions of the end-to-end features: each step is one call on a fresh reference device
 * (Cucumber makes a new instance per scenario), through the {@link Backend} interface, as the spec
 * files' steps are for our engine.
 */
public class CucumberSteps {
    private Backend device;
    private Pid process;
    private final Fd[] files = new Fd[3];
    private final Map<String, Object> names = new HashMap<>();

    @Given("a process with two open files on the {string} profile")
    public void processWithTwoFiles(String profile) {
        device = new ReferenceDevice(Profiles.byName(profile).orElseThrow());
        process = ok(device.spawn(Credentials.user(1000)));
        files[1] = ok(device.open(process, Node.card(0)));
        files[2] = ok(device.open(process, Node.card(0)));
    }

    @When("file {int} creates an object of {int} bytes as {string}")
    public void create(int file, int size, String name) {
        names.put(name, ok(device.ioctl(process, files[file], new I915Ioctl.GemCreate(size))).handle());
    }

    @When("file {int} writes {string} into {string}")
    public void pwrite(int file, String data, String handle) {
        ok(device.ioctl(process, files[file], new I915Ioctl.GemPwrite(get(handle, Handle.class), 0, bytes(data))));
    }

    @When("file {int} names {string} with flink as {string}")
    public void flink(int file, String handle, String name) {
        names.put(name, ok(device.ioctl(process, files[file], new DrmIoctl.GemFlink(get(handle, Handle.class)))));
    }

    @When("file {int} gets a magic as {string}")
    public void getMagic(int file, String name) {
        names.put(name, ok(device.ioctl(process, files[file], new DrmIoctl.GetMagic())));
    }

    @When("file {int} authenticates the magic {string}")
    public void authMagic(int file, String magic) {
        ok(device.ioctl(process, files[file], new DrmIoctl.AuthMagic(get(magic, Magic.class))));
    }

    @When("file {int} opens the name {string} as {string}")
    public void open(int file, String flinkName, String name) {
        DrmIoctl.GemOpen open = new DrmIoctl.GemOpen(get(flinkName, FlinkName.class));
        names.put(name, ok(device.ioctl(process, files[file], open)).handle());
    }

    @When("file {int} gets a WB mmap offset for {string} as {string}")
    public void mmapOffset(int file, String handle, String name) {
        I915Ioctl.GemMmapOffset request = new I915Ioctl.GemMmapOffset(
                get(handle, Handle.class), I915Ioctl.MmapType.WB.flags(), 0, 0);
        names.put(name, ok(device.ioctl(process, files[file], request)));
    }

    @When("the process maps {int} bytes of {string} in file {int} read-only as {string}")
    public void mmapShared(int length, String offset, int file, String name) {
        MmapRequest request = MmapRequest.shared(files[file], get(offset, MmapOffset.class).value(),
                length, Mman.PROT_READ);
        names.put(name, ok(device.mmap(process, request)));
    }

    @When("the process maps {int} bytes of anonymous memory as {string}")
    public void mmapAnon(int length, String name) {
        names.put(name, ok(device.mmap(process, MmapRequest.anonymous(length, Mman.PROT_READ | Mman.PROT_WRITE))));
    }

    @When("file {int} wraps {int} bytes at {string} plus {int} as userptr {string}")
    public void userptr(int file, int size, String addr, int plus, String name) {
        names.put(name, ok(device.ioctl(process, files[file], userptrAt(addr, plus, size))));
    }

    @Then("a userptr of {int} bytes at {string} plus {int} in file {int} fails with {word}")
    public void userptrFails(int size, String addr, int plus, int file, String errno) {
        fails(device.ioctl(process, files[file], userptrAt(addr, plus, size)), errno);
    }

    @When("the process writes {string} at {string}")
    public void write(String data, String addr) {
        ok(device.write(process, get(addr, Long.class), bytes(data)));
    }

    @Then("reading {int} bytes at {string} gives {string}")
    public void read(int length, String addr, String expected) {
        byte[] actual = ok(device.read(process, get(addr, Long.class), length));
        if (!Arrays.equals(actual, bytes(expected))) {
            throw new AssertionError("read " + Arrays.toString(actual) + ", expected " + expected);
        }
    }

    @When("file {int} closes {string}")
    public void gemClose(int file, String handle) {
        ok(device.ioctl(process, files[file], new DrmIoctl.GemClose(get(handle, Handle.class))));
    }

    @Then("creating an object of {int} bytes in file {int} fails with {word}")
    public void createFails(int size, int file, String errno) {
        fails(device.ioctl(process, files[file], new I915Ioctl.GemCreate(size)), errno);
    }

    @Then("{string} is not valid in file {int}")
    public void notValid(String handle, int file) {
        if (ok(device.handleValid(process, files[file], get(handle, Handle.class)))) {
            throw new AssertionError(handle + " is still valid");
        }
    }

    private I915Ioctl.GemUserptr userptrAt(String addr, int plus, int size) {
        return new I915Ioctl.GemUserptr(get(addr, Long.class) + plus, size, 0, 0);
    }

    private <T> T get(String name, Class<T> type) {
        return type.cast(names.get(name));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> T ok(Outcome<T> outcome) {
        if (!outcome.isOk()) {
            throw new AssertionError("expected ok, got " + outcome);
        }
        return outcome.value();
    }

    private static void fails(Outcome<?> outcome, String errno) {
        if (!(outcome instanceof Outcome.Err<?> err) || err.errno() != Errno.valueOf(errno)) {
            throw new AssertionError("expected " + errno + ", got " + outcome);
        }
    }
}
