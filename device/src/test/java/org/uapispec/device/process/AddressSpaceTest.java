package org.uapispec.device.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.assertSignal;
import static org.uapispec.device.Machine.bytes;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Signal;
import org.uapispec.device.profile.Profiles;

class AddressSpaceTest {
    private final Machine m = new Machine(Profiles.GENERIC);

    @Test
    @DisplayName("anonymous memory reads as zeros and keeps what is written, across pages")
    void anonymousMemory() {
        long a = m.anon(m.root, 2);
        assertOk(m.backend.read(m.root, a, 16)).isEqualTo(new byte[16]);
        assertOk(m.backend.write(m.root, a + PAGE - 2, bytes("span")));
        assertOk(m.backend.read(m.root, a + PAGE - 2, 4)).isEqualTo(bytes("span"));
    }

    @Test
    @DisplayName("an unmapped address is SIGSEGV for reads and writes")
    void unmappedIsSegv() {
        long a = m.anon(m.root, 1);
        assertSignal(m.backend.read(m.root, a + PAGE, 1), Signal.SIGSEGV);
        assertSignal(m.backend.write(m.root, 0x1000, bytes("x")), Signal.SIGSEGV);
        // An access that starts mapped and runs off the end faults too.
        assertSignal(m.backend.read(m.root, a + PAGE - 1, 2), Signal.SIGSEGV);
    }

    @Test
    @DisplayName("munmap of the middle page splits the mapping; both ends keep their bytes")
    void munmapSplits() {
        long a = m.anon(m.root, 3);
        m.backend.write(m.root, a, bytes("first"));
        m.backend.write(m.root, a + 2 * PAGE, bytes("third"));
        assertOk(m.backend.munmap(m.root, a + PAGE, PAGE));
        assertSignal(m.backend.read(m.root, a + PAGE, 1), Signal.SIGSEGV);
        assertOk(m.backend.read(m.root, a, 5)).isEqualTo(bytes("first"));
        assertOk(m.backend.read(m.root, a + 2 * PAGE, 5)).isEqualTo(bytes("third"));
    }

    @Test
    @DisplayName("munmap of an unaligned address or of length 0 is EINVAL; of nothing mapped is fine")
    void munmapArguments() {
        long a = m.anon(m.root, 1);
        assertErrno(m.backend.munmap(m.root, a + 1, PAGE), Errno.EINVAL);
        assertErrno(m.backend.munmap(m.root, a, 0), Errno.EINVAL);
        assertOk(m.backend.munmap(m.root, a + 16 * PAGE, PAGE));
    }

    @Test
    @DisplayName("mprotect to read-only makes writes SIGSEGV and keeps reads working")
    void mprotectReadOnly() {
        long a = m.anon(m.root, 2);
        m.backend.write(m.root, a + PAGE, bytes("kept"));
        assertOk(m.backend.mprotect(m.root, a + PAGE, PAGE, Mman.PROT_READ));
        assertSignal(m.backend.write(m.root, a + PAGE, bytes("x")), Signal.SIGSEGV);
        assertOk(m.backend.read(m.root, a + PAGE, 4)).isEqualTo(bytes("kept"));
        assertOk(m.backend.write(m.root, a, bytes("still writable")));
        assertOk(m.backend.mprotect(m.root, a, PAGE, Mman.PROT_NONE));
        assertSignal(m.backend.read(m.root, a, 1), Signal.SIGSEGV);
    }

    @Test
    @DisplayName("mprotect over a hole is ENOMEM; a hole at the start changes nothing")
    void mprotectHole() {
        long a = m.anon(m.root, 3);
        m.backend.munmap(m.root, a, PAGE);
        assertErrno(m.backend.mprotect(m.root, a, 3 * PAGE, Mman.PROT_READ), Errno.ENOMEM);
        assertOk(m.backend.write(m.root, a + PAGE, bytes("x")));
        // A hole after a mapping: do_mprotect_pkey has changed that mapping when it finds the hole
        // (SyscallArgumentTest.mprotectStopsAtTheHole).
    }

    @Test
    @DisplayName("a free hint is honoured; MAP_FIXED replaces what was there with zeroed memory")
    void hintsAndFixed() {
        long hint = 0x200000000L;
        long a = m.backend.mmap(m.root, MmapRequest.anonymous(2 * PAGE, RW).withAddr(hint)).value();
        assertThat(a).isEqualTo(hint);
        m.backend.write(m.root, a + PAGE, bytes("old"));
        MmapRequest fixed = MmapRequest.anonymous(PAGE, RW).withAddr(a + PAGE)
                .withFlags(Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED);
        assertOk(m.backend.mmap(m.root, fixed)).isEqualTo(a + PAGE);
        assertOk(m.backend.read(m.root, a + PAGE, 3)).isEqualTo(new byte[3]);
    }

    @Test
    @DisplayName("MAP_FIXED needs an aligned address; MAP_FIXED_NOREPLACE over a mapping is EEXIST")
    void fixedArguments() {
        long a = m.anon(m.root, 1);
        int anon = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS;
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withAddr(a + 1)
                .withFlags(anon | Mman.MAP_FIXED)), Errno.EINVAL);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withAddr(a)
                .withFlags(anon | Mman.MAP_FIXED_NOREPLACE)), Errno.EEXIST);
    }

    @Test
    @DisplayName("mmap of length 0, without SHARED or PRIVATE, or of an fd that is not open fails")
    void mmapArguments() {
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(0, RW)), Errno.EINVAL);
        assertErrno(m.backend.mmap(m.root, MmapRequest.anonymous(PAGE, RW).withFlags(Mman.MAP_ANONYMOUS)),
                Errno.EINVAL);
        assertErrno(m.backend.mmap(m.root, MmapRequest.shared(new Fd(42), 0, PAGE, RW)), Errno.EBADF);
        assertErrno(m.backend.mmap(m.root, new MmapRequest(0, PAGE, RW, Mman.MAP_SHARED | Mman.MAP_ANONYMOUS,
                Fd.NONE, 1)), Errno.EINVAL);
    }

    @Test
    @DisplayName("mappings placed anywhere go past MAP_FIXED ones in their way and never overlap them")
    void placementPassesFixedMappings() {
        int count = 20_000;
        long base = 0x100000000L; // where the model's placement starts
        int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        for (int i = 0; i < count; i += 2) {
            m.backend.mmap(m.root, new MmapRequest(base + i * PAGE, PAGE, RW, fixed, Fd.NONE, 0)).value();
        }
        m.backend.write(m.root, base, bytes("fixed"));
        java.util.Set<Long> placed = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            long a = m.backend.mmap(m.root, MmapRequest.anonymous(2 * PAGE, RW)).value();
            assertThat(placed.add(a)).isTrue();
            assertThat(a).isGreaterThanOrEqualTo(base + (count - 1) * PAGE); // past the last fixed page
        }
        assertOk(m.backend.read(m.root, base, 5)).isEqualTo(bytes("fixed"));
    }

    @Test
    @DisplayName("100,000 mappings: every one is found, split and unmapped correctly")
    void manyMappings() {
        int count = 100_000;
        long base = 0x300000000L;
        int fixed = Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED;
        for (int i = 0; i < count; i++) {
            // Alternate protections so that neighbours cannot be one mapping.
            int prot = i % 2 == 0 ? RW : Mman.PROT_READ;
            m.backend.mmap(m.root, new MmapRequest(base + i * PAGE, PAGE, prot, fixed, Fd.NONE, 0)).value();
        }
        long middle = base + (count / 2) * PAGE;
        assertOk(m.backend.write(m.root, middle, bytes("mid")));
        assertSignal(m.backend.write(m.root, middle + PAGE, bytes("ro")), Signal.SIGSEGV);
        assertOk(m.backend.munmap(m.root, middle, PAGE));
        assertSignal(m.backend.read(m.root, middle, 1), Signal.SIGSEGV);
        assertOk(m.backend.read(m.root, base + (count - 1) * PAGE, 1));
    }
}
