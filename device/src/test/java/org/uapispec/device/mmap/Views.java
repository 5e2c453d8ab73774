package org.uapispec.device.mmap;

import java.util.stream.Stream;
import org.uapispec.device.Machine;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.MmapRules;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Test steps over {@link Machine} for the mmap and dma-buf tests: the profile's own way to ask for an
 * offset, mapping it, and the byte views (mapping, pread, dma-buf). Drives only the backend interface.
 */
public final class Views {
    public static final long PAGE = Machine.PAGE;
    public static final int RW = Machine.RW;
    public static final int R = Mman.PROT_READ;

    public final Machine machine;
    public final Profile profile;
    public final Pid root;

    public Views(Profile profile) {
        this.machine = new Machine(profile);
        this.profile = profile;
        this.root = machine.root;
    }

    /** Every profile, for rules that hold everywhere. */
    public static Stream<Profile> allProfiles() {
        return Profiles.all().stream();
    }

    /** The profiles with MMAP_OFFSET (i915 5.5+). */
    public static Stream<Profile> mmapOffsetProfiles() {
        return Stream.of(Profiles.I915_2019, Profiles.I915, Profiles.I915_MMAP_FORWARD);
    }

    /** The profiles with i915 ioctls (pread, GTT). */
    public static Stream<Profile> i915Profiles() {
        return Stream.of(Profiles.I915_2014, Profiles.I915_2019, Profiles.I915, Profiles.I915_MMAP_FORWARD);
    }

    public Fd card() {
        return machine.card(root);
    }

    public Fd card(Pid pid) {
        return machine.card(pid);
    }

    /** A card node of the generic device 1, the foreign exporter. */
    public Fd foreignCard() {
        return machine.backend.open(root, Node.card(1)).value();
    }

    public Handle create(Fd fd, long size) {
        return machine.create(root, fd, size);
    }

    public Handle create(Pid pid, Fd fd, long size) {
        return machine.create(pid, fd, size);
    }

    /** The profile's usual offset call: dumb map (generic), MMAP_GTT (3.16), MMAP_OFFSET WB (5.5+). */
    public Outcome<MmapOffset> offset(Pid pid, Fd fd, Handle handle) {
        MmapRules.OffsetSource source = profile.mmap().source();
        if (source == MmapRules.OffsetSource.MMAP_OFFSET) {
            return machine.ioctl(pid, fd, new I915Ioctl.GemMmapOffset(handle, I915Ioctl.MmapType.WB));
        }
        if (source == MmapRules.OffsetSource.LEGACY_GTT) {
            return machine.ioctl(pid, fd, new I915Ioctl.GemMmapGtt(handle));
        }
        return machine.ioctl(pid, fd, new DrmIoctl.ModeMapDumb(handle));
    }

    public Outcome<MmapOffset> offset(Fd fd, Handle handle) {
        return offset(root, fd, handle);
    }

    public Outcome<MmapOffset> offset(Fd fd, Handle handle, I915Ioctl.MmapType type) {
        return machine.ioctl(root, fd, new I915Ioctl.GemMmapOffset(handle, type));
    }

    /** A shared mapping of {@code length} bytes of {@code fd} at {@code offset}. */
    public Outcome<Long> map(Pid pid, Fd fd, long offset, long length, int prot) {
        return machine.backend.mmap(pid, MmapRequest.shared(fd, offset, length, prot));
    }

    public Outcome<Long> map(Fd fd, MmapOffset offset, long length, int prot) {
        return map(root, fd, offset.value(), length, prot);
    }

    public Outcome<Long> mapPrivate(Fd fd, long offset, long length, int prot) {
        return machine.backend.mmap(root, MmapRequest.shared(fd, offset, length, prot).withFlags(Mman.MAP_PRIVATE));
    }

    public Outcome<Void> write(Pid pid, long addr, String text) {
        return machine.backend.write(pid, addr, Machine.bytes(text));
    }

    public Outcome<Void> write(long addr, String text) {
        return write(root, addr, text);
    }

    public Outcome<String> read(Pid pid, long addr, int length) {
        return machine.backend.read(pid, addr, length).map(String::new);
    }

    public Outcome<String> read(long addr, int length) {
        return read(root, addr, length);
    }

    /** pread through the i915 ioctl. */
    public Outcome<String> pread(Fd fd, Handle handle, long offset, int length) {
        return machine.ioctl(root, fd, new I915Ioctl.GemPread(handle, offset, length)).map(String::new);
    }

    public Outcome<Void> close(Fd fd, Handle handle) {
        return machine.close(root, fd, handle);
    }

    public Outcome<Void> closeFd(Fd fd) {
        return machine.backend.close(root, fd);
    }

    public FlinkName flink(Fd fd, Handle handle) {
        return machine.ioctl(root, fd, new DrmIoctl.GemFlink(handle)).value();
    }

    public Handle open(Fd fd, FlinkName name) {
        return machine.ioctl(root, fd, new DrmIoctl.GemOpen(name)).value().handle();
    }

    public Outcome<Fd> export(Fd fd, Handle handle, int flags) {
        return machine.ioctl(root, fd, new DrmIoctl.PrimeHandleToFd(handle, flags));
    }

    public Outcome<Handle> importFd(Fd fd, Fd dmaBuf) {
        return machine.ioctl(root, fd, new DrmIoctl.PrimeFdToHandle(dmaBuf));
    }

    /** The offset of an object on the generic device 1: always MODE_MAP_DUMB. */
    public Outcome<MmapOffset> foreignOffset(Fd fd, Handle handle) {
        return machine.ioctl(root, fd, new DrmIoctl.ModeMapDumb(handle));
    }

    /** An object of one page in {@code fd} whose first bytes are {@code text}, written through a mapping. */
    public Handle filled(Fd fd, String text) {
        Handle handle = create(fd, PAGE);
        return filled(fd, text, handle, offset(fd, handle).value());
    }

    /** As {@link #filled(Fd, String)} on a file of the generic device 1. */
    public Handle foreignFilled(Fd fd, String text) {
        Handle handle = create(fd, PAGE);
        return filled(fd, text, handle, foreignOffset(fd, handle).value());
    }

    private Handle filled(Fd fd, String text, Handle handle, MmapOffset offset) {
        long addr = map(fd, offset, PAGE, RW).value();
        write(addr, text).value();
        machine.backend.munmap(root, addr, PAGE).value();
        return handle;
    }
}
