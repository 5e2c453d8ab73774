package org.uapispec.device.userptr;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.uapispec.device.Machine;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** Shared helpers for the userptr tests: the four userptr profiles and short calls through the backend. */
final class Userptrs {
    static final long PAGE = Mman.PAGE_SIZE;
    static final List<Profile> FOUR = List.of(Profiles.I915_2014, Profiles.I915_2019, Profiles.I915,
            Profiles.EXYNOS_2012);
    static final List<Profile> I915_ERAS = List.of(Profiles.I915_2014, Profiles.I915_2019, Profiles.I915);

    private Userptrs() {
    }

    static Stream<Profile> four() {
        return FOUR.stream();
    }

    static Stream<Profile> i915Eras() {
        return I915_ERAS.stream();
    }

    /** One row per profile: the profile and what it answers. */
    static Arguments row(Profile profile, Object expected) {
        return Arguments.of(profile, expected);
    }

    /** A machine, its root process and an open render node. */
    static final class Rig {
        final Machine m;
        final Pid pid;
        final Fd fd;

        Rig(Profile profile) {
            m = new Machine(profile);
            pid = m.root;
            fd = m.render(pid);
        }

        Outcome<Handle> userptr(long ptr, long size, int flags) {
            return m.ioctl(pid, fd, new I915Ioctl.GemUserptr(ptr, size, flags));
        }

        Outcome<Handle> userptr(Pid who, Fd file, long ptr, long size, int flags) {
            return m.ioctl(who, file, new I915Ioctl.GemUserptr(ptr, size, flags));
        }

        Outcome<Void> exec(Handle... handles) {
            return exec(pid, fd, handles);
        }

        Outcome<Void> exec(Pid who, Fd file, Handle... handles) {
            return m.ioctl(who, file, new I915Ioctl.GemExecbuffer(List.of(handles)));
        }

        Outcome<Void> setDomain(Handle handle) {
            return m.ioctl(pid, fd, new I915Ioctl.GemSetDomain(handle, I915Ioctl.DOMAIN_CPU, I915Ioctl.DOMAIN_CPU));
        }

        Outcome<byte[]> pread(Handle handle, long offset, long size) {
            return m.ioctl(pid, fd, new I915Ioctl.GemPread(handle, offset, size));
        }

        Outcome<Void> pwrite(Handle handle, long offset, byte[] data) {
            return m.ioctl(pid, fd, new I915Ioctl.GemPwrite(handle, offset, data));
        }

        long anon(long pages) {
            return m.anon(pid, pages);
        }

        Outcome<Void> munmap(long addr, long length) {
            return m.backend.munmap(pid, addr, length);
        }

        /** Fresh anonymous memory exactly at {@code addr} (MAP_FIXED), replacing what was there. */
        long mapFixed(long addr, long pages, int prot) {
            MmapRequest request = MmapRequest.anonymous(pages * PAGE, prot)
                    .withAddr(addr).withFlags(Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED);
            return m.backend.mmap(pid, request).value();
        }

        Outcome<Void> write(long addr, byte[] data) {
            return m.backend.write(pid, addr, data);
        }

        Outcome<byte[]> read(long addr, int length) {
            return m.backend.read(pid, addr, length);
        }
    }
}
