package org.uapispec.features.steps;

import io.cucumber.java.ParameterType;
import java.util.Locale;
import org.uapispec.api.Errno;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Node;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.features.support.FileRef;
import org.uapispec.features.support.OffsetKind;

/** The words the steps share: profiles, errnos, signals, protections, sizes, places, files, flags. */
public final class ParameterTypes {
    private static final long PAGE = Mman.PAGE_SIZE;

    /** {@code "i915-2014"}: a profile by name. */
    @ParameterType("\"([a-z0-9-]+)\"")
    public Profile profile(String name) {
        return Profiles.byName(name).orElseThrow(
                () -> new IllegalArgumentException("unknown profile " + name + "; known: " + Profiles.names()));
    }

    /** {@code EINVAL}: an errno by its Linux name. */
    @ParameterType("E[A-Z0-9]+")
    public Errno errno(String name) {
        return Errno.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown errno " + name));
    }

    /** {@code SIGSEGV}, {@code SIGBUS}. */
    @ParameterType("SIG[A-Z]+")
    public Signal signal(String name) {
        return Signal.byName(name).orElseThrow(() -> new IllegalArgumentException("unknown signal " + name));
    }

    /** {@code read-write}, {@code read-only}, {@code no access}: PROT_* bits. */
    @ParameterType("read-write|read-only|no access")
    public Integer prot(String words) {
        return switch (words) {
            case "read-write" -> Mman.PROT_READ | Mman.PROT_WRITE;
            case "read-only" -> Mman.PROT_READ;
            default -> Mman.PROT_NONE;
        };
    }

    /** {@code 2 pages}, {@code 4095 bytes}, {@code 16 MiB}: a length in bytes. */
    @ParameterType("(\\d+) (pages?|bytes?|MiB)")
    public Long size(String count, String unit) {
        long n = Long.parseLong(count);
        if (unit.startsWith("page")) {
            return n * PAGE;
        }
        return unit.equals("MiB") ? n << 20 : n;
    }

    /** {@code the start}, {@code page 1}, {@code byte 1}: a byte offset into a buffer. */
    @ParameterType("the start|page \\d+|byte \\d+")
    public Long place(String words) {
        if (words.equals("the start")) {
            return 0L;
        }
        long n = Long.parseLong(words.substring(words.indexOf(' ') + 1));
        return words.startsWith("page") ? n * PAGE : n;
    }

    /** {@code file F1}, or {@code file F1 in process B} for a process that shares the file. */
    @ParameterType("file (\\w+)(?: in process (\\w+))?")
    public FileRef file(String name, String process) {
        return new FileRef(name, process);
    }

    /** {@code M1}: a mapping the scenario named, or {@code the buffer}: the process's anonymous memory. */
    @ParameterType("the buffer|[A-Z][A-Za-z0-9]*")
    public String mapping(String name) {
        return name;
    }

    /** Device 0's card or render node, or the card node of device 1, a generic (vgem) exporter. */
    @ParameterType("card node|render node|vgem card node")
    public Node node(String words) {
        return switch (words) {
            case "card node" -> Node.card(0);
            case "render node" -> Node.render(0);
            default -> Node.card(1);
        };
    }

    /** {@code a userptr}, {@code a READ_ONLY userptr}, {@code an UNSYNCHRONIZED userptr}: the flags. */
    @ParameterType("an? (?:[A-Z_]+ )*userptr")
    public Integer userptr(String words) {
        int flags = 0;
        String[] tokens = words.split(" ");
        for (int i = 1; i < tokens.length - 1; i++) {
            flags |= flag(tokens[i]);
        }
        return flags;
    }

    /** {@code mmap} (the profile's usual offset), {@code dumb mmap}, {@code WB mmap}, ...: which ioctl. */
    @ParameterType("(?:GTT |WC |WB |UC |FIXED |dumb )?mmap")
    public OffsetKind mmaptype(String words) {
        if (words.equals("mmap")) {
            return OffsetKind.USUAL;
        }
        return OffsetKind.valueOf(words.substring(0, words.indexOf(' ')).toUpperCase(Locale.ROOT));
    }

    private static int flag(String token) {
        return switch (token) {
            case "READ_ONLY" -> I915Ioctl.USERPTR_READ_ONLY;
            case "PROBE" -> I915Ioctl.USERPTR_PROBE;
            case "GPU_MIRROR" -> I915Ioctl.USERPTR_GPU_MIRROR;
            case "UNSYNCHRONIZED" -> I915Ioctl.USERPTR_UNSYNCHRONIZED;
            default -> throw new IllegalArgumentException("unknown userptr flag " + token);
        };
    }
}
