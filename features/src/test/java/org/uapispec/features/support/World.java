package org.uapispec.features.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;

/**
 * One scenario's machine and the names the scenario gives to what it creates: processes, files,
 * objects (one handle per file), offsets, dma-bufs, mappings and each process's anonymous buffer.
 *
 * <p>Every call a step makes is {@linkplain #record recorded} as the scenario's "call". A following
 * {@code Then the call ...} step checks it; a call nobody checks must have succeeded, which is
 * verified when the next call is made and after the last step. So a setup step that fails fails the
 * scenario at that step, and no outcome goes unasserted.
 *
 * <p>The backend is created in {@link #useProfile} and only used through {@link Backend}: the
 * reference device, or with {@code -Duapispec.backend=kernel} a real kernel for the profiles whose
 * driver binds in a virtual machine ({@link Backends}).
 */
public final class World {
    /** What a scenario knows about an open file: its number, who opened it, on which device. */
    public record OpenedFile(Fd fd, String opener, long device) {
    }

    /** A named range of a process's address space. */
    public record Range(long addr, long length) {
    }

    private Profile profile;
    private Backend backend;
    private Backends.Opened opened;
    private final Map<String, Pid> processes = new HashMap<>();
    private final Map<String, OpenedFile> files = new HashMap<>();
    private final Map<String, Handle> handles = new HashMap<>();
    private final Map<String, MmapOffset> offsets = new HashMap<>();
    private final Map<String, Fd> dmaBufs = new HashMap<>();
    private final Map<String, Fd> memfds = new HashMap<>();
    private final Map<String, Range> mappings = new HashMap<>();
    private final Map<String, Range> buffers = new HashMap<>();

    private String lastCall;
    private Outcome<?> lastOutcome;
    private boolean checked = true;

    /** Starts the scenario's machine: device 0 follows {@code chosen}, device 1 is a generic exporter. */
    public void useProfile(Profile chosen) {
        if (backend != null) {
            throw new IllegalStateException("the profile is chosen once, before any other step");
        }
        profile = chosen;
        opened = Backends.open(chosen);
        backend = opened.backend();
    }

    /** The kernel the scenario runs on ({@code Linux 6.1.192-3 (6.1.0-57-amd64)}); empty on the reference device. */
    public String kernel() {
        return opened == null ? "" : opened.kernel();
    }

    /**
     * Ends the scenario on its backend: on a kernel, its processes end, and the lines of a WARN, oops
     * or BUG it printed are returned (the scenario fails with them).
     */
    public java.util.List<String> end() {
        return opened == null ? java.util.List.of() : opened.end();
    }

    public Profile profile() {
        if (profile == null) {
            throw new IllegalStateException("no profile: start the scenario with 'Given the profile \"...\"'");
        }
        return profile;
    }

    public Backend backend() {
        profile();
        return backend;
    }

    /** The process called {@code name}; the first mention starts it as root. */
    public Pid process(String name) {
        return processes.computeIfAbsent(name, n -> backend().spawn(Credentials.ROOT).value());
    }

    /** Names a process that the scenario started (or forked) itself. */
    public void nameProcess(String name, Pid pid) {
        if (processes.putIfAbsent(name, pid) != null) {
            throw new IllegalStateException("process " + name + " already exists");
        }
    }

    public void nameFile(String name, OpenedFile file) {
        files.put(name, file);
    }

    public OpenedFile file(FileRef ref) {
        return known(files, ref.name(), "file");
    }

    /** The name of the process that makes a call on {@code ref}: the one named, else the file's opener. */
    public String callerName(FileRef ref) {
        return ref.process() != null ? ref.process() : file(ref).opener();
    }

    /** The process that makes a call on {@code ref}. */
    public Pid caller(FileRef ref) {
        return process(callerName(ref));
    }

    public Fd fd(FileRef ref) {
        return file(ref).fd();
    }

    /** Opens device {@code device}'s card or render node in {@code process}. */
    public Outcome<Fd> open(String process, Node node) {
        return backend().open(process(process), node);
    }

    public void nameHandle(FileRef ref, String object, Handle handle) {
        handles.put(ref.name() + "/" + object, handle);
    }

    public Handle handle(FileRef ref, String object) {
        return known(handles, ref.name() + "/" + object, "handle of " + object + " in file");
    }

    public void nameOffset(String object, MmapOffset offset) {
        offsets.put(object, offset);
    }

    public MmapOffset offset(String object) {
        return known(offsets, object, "mmap offset of object");
    }

    public void nameDmaBuf(String name, Fd fd) {
        dmaBufs.put(name, fd);
    }

    public Fd dmaBuf(String name) {
        return known(dmaBufs, name, "dma-buf");
    }

    public void nameMemfd(String name, Fd fd) {
        memfds.put(name, fd);
    }

    public Fd memfd(String name) {
        return known(memfds, name, "memfd");
    }

    public void nameMapping(String name, Range range) {
        mappings.put(name, range);
    }

    public Range mapping(String name) {
        return known(mappings, name, "mapping");
    }

    /** A named mapping, or for {@code the buffer} the anonymous memory {@code process} mapped last. */
    public Range range(String process, String mapping) {
        return mapping.equals("the buffer") ? buffer(process) : mapping(mapping);
    }

    public void setBuffer(String process, Range range) {
        buffers.put(process, range);
    }

    /** The anonymous memory {@code process} mapped last: what "the buffer" means in its steps. */
    public Range buffer(String process) {
        return known(buffers, process, "buffer of process");
    }

    /**
     * Records {@code outcome} as the scenario's call. The previous call, if no step checked it, must
     * have succeeded.
     */
    public <T> Outcome<T> record(String call, Outcome<T> outcome) {
        settle();
        lastCall = call;
        lastOutcome = outcome;
        checked = false;
        return outcome;
    }

    /** The call made last, which a {@code Then the call ...} step now checks. */
    public Outcome<?> check() {
        if (lastOutcome == null) {
            throw new IllegalStateException("no call has been made yet");
        }
        checked = true;
        return lastOutcome;
    }

    /** A readable name of the call made last, for failure messages. */
    public String lastCall() {
        return lastCall;
    }

    /** Fails if the last call went unchecked and did not succeed. */
    public void settle() {
        if (!checked && lastOutcome != null) {
            Outcome<?> outcome = lastOutcome;
            checked = true;
            assertThat(outcome.isOk())
                    .withFailMessage(() -> lastCall + " returned " + outcome + ", and no step expected that\n"
                            + state())
                    .isTrue();
        }
    }

    /** The machine's observable state, for failure messages. */
    public String state() {
        return backend == null ? "(no machine)" : "device state:\n" + backend.describeState();
    }

    /**
     * The value a scenario named. A missing name usually means the call that should have made it
     * failed: that failure is reported first, as the assertion it is.
     */
    private <V> V known(Map<String, V> map, String key, String what) {
        V value = map.get(key);
        if (value == null) {
            settle();
            throw new IllegalStateException("unknown " + what + " " + key + ": the scenario never made it");
        }
        return value;
    }
}
