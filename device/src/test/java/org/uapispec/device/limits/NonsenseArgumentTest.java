package org.uapispec.device.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.uapispec.device.Machine.PAGE;
import static org.uapispec.device.Machine.RW;
import static org.uapispec.device.Machine.assertErrno;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.uapispec.device.Machine;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Issue 14, item 3: every public entry of the backend, with arguments that name nothing or the wrong
 * thing (unknown and exited pids, closed, negative and wrong-kind fds, handles and numbers at the
 * edges), answers an errno or a signal and never throws.
 */
class NonsenseArgumentTest {
    private static final long[] EDGES = {0, 1, -1, 0x7fffffffL, 0x80000000L, 0xffffffffL, 1L << 32, Long.MIN_VALUE,
        Long.MAX_VALUE, -PAGE, 0x7ffffffff000L, 0x800000000000L};

    static Stream<Profile> profiles() {
        return Profiles.all().stream();
    }

    /** Every ioctl record, each with edge values in every field. */
    static List<Ioctl<?>> requests(long edge) {
        int word = (int) edge;
        Handle h = new Handle(word);
        List<Ioctl<?>> all = new ArrayList<>(List.of(
                new DrmIoctl.GemClose(h, word), new DrmIoctl.GemFlink(h), new DrmIoctl.GemOpen(new FlinkName(word)),
                new DrmIoctl.GetMagic(), new DrmIoctl.AuthMagic(new Magic(word)),
                new DrmIoctl.ModeCreateDumb(word, word, word, word), new DrmIoctl.ModeMapDumb(h),
                new DrmIoctl.ModeDestroyDumb(h), new DrmIoctl.PrimeHandleToFd(h, word),
                new DrmIoctl.PrimeFdToHandle(new Fd(word)), new I915Ioctl.GemCreate(edge),
                new I915Ioctl.GemPread(h, edge, edge), new I915Ioctl.GemPwrite(h, edge, new byte[] {1, 2, 3}),
                new I915Ioctl.GemSetDomain(h, word, word), new I915Ioctl.GemExecbuffer(List.of(h, h)),
                new I915Ioctl.GemUserptr(edge, edge, word, word), new I915Ioctl.GemMmapGtt(h),
                new I915Ioctl.GemMmapOffset(h, edge, edge, word), new I915Ioctl.GemMmap(h, edge, edge, edge),
                new DmaBufIoctl.Sync(edge)));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("an exited process, and a pid never issued, answer ESRCH to every call")
    void deadProcessesAnswerEsrch(Profile profile) {
        Machine m = new Machine(profile);
        Fd fd = m.card(m.root);
        Pid exited = m.backend.spawn(Credentials.ROOT).value();
        m.backend.exit(exited);
        for (Pid pid : List.of(exited, new Pid(-1), new Pid(0), new Pid(Integer.MAX_VALUE))) {
            for (Outcome<?> outcome : everyCall(m.backend, pid, fd, 0)) {
                assertErrno(outcome, Errno.ESRCH);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("closed, negative and huge fds are EBADF for every fd call")
    void badFdsAreEbadf(Profile profile) {
        Machine m = new Machine(profile);
        for (int number : new int[] {0, 1, 2, 42, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            Fd fd = new Fd(number);
            assertErrno(m.backend.close(m.root, fd), Errno.EBADF);
            assertErrno(m.backend.lseek(m.root, fd, 0, Mman.SEEK_END), Errno.EBADF);
            assertErrno(m.backend.handleCount(m.root, fd), Errno.EBADF);
            assertErrno(m.backend.mmap(m.root, MmapRequest.shared(fd, 0, PAGE, RW)), Errno.EBADF);
            for (Ioctl<?> request : requests(1)) {
                assertErrno(m.backend.ioctl(m.root, fd, request), Errno.EBADF);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("a DRM ioctl on a dma-buf is ENOTTY, a dma-buf ioctl on a DRM file ENOTTY")
    void wrongKindOfFile(Profile profile) {
        Machine m = new Machine(profile);
        Fd card = m.card(m.root);
        Handle h = m.create(m.root, card, PAGE);
        Fd dmaBuf = m.ioctl(m.root, card, new DrmIoctl.PrimeHandleToFd(h, 0)).value();
        for (Ioctl<?> request : requests(1)) {
            if (request instanceof DmaBufIoctl) {
                assertErrno(m.backend.ioctl(m.root, card, request), Errno.ENOTTY);
            } else {
                assertErrno(m.backend.ioctl(m.root, dmaBuf, request), Errno.ENOTTY);
            }
        }
        assertErrno(m.ioctl(m.root, card, new DrmIoctl.PrimeFdToHandle(card)), Errno.EINVAL);
        assertErrno(m.backend.handleValid(m.root, dmaBuf, h), Errno.ENOTTY);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    @DisplayName("every call with edge values in every argument answers without throwing")
    void edgeValuesNeverThrow(Profile profile) {
        for (long edge : EDGES) {
            Machine m = new Machine(profile);
            Fd card = m.card(m.root);
            List<Fd> fds = new ArrayList<>(List.of(card));
            if (profile.driver().render()) {
                fds.add(m.render(m.root));
            }
            long a = m.anon(m.root, 2);
            Handle h = m.create(m.root, card, PAGE);
            if (profile.mmap().primeIoctls()) {
                int rdwr = profile.mmap().primeRdwr() ? DrmIoctl.DRM_RDWR : 0;
                fds.add(m.ioctl(m.root, card, new DrmIoctl.PrimeHandleToFd(h, rdwr)).value());
            }
            for (Fd fd : fds) {
                assertThatCode(() -> everyCall(m.backend, m.root, fd, edge)).as("edge 0x%x", edge)
                        .doesNotThrowAnyException();
                assertThatCode(() -> everyCall(m.backend, m.root, fd, a + edge)).as("address 0x%x", a + edge)
                        .doesNotThrowAnyException();
            }
            assertThat(m.backend.describeState()).isNotEmpty();
        }
    }

    /** Every method of the backend and every ioctl, in {@code pid} on {@code fd}, around {@code edge}. */
    private static List<Outcome<?>> everyCall(Backend backend, Pid pid, Fd fd, long edge) {
        int word = (int) edge;
        List<Outcome<?>> outcomes = new ArrayList<>();
        Function<Outcome<?>, Boolean> add = outcomes::add;
        add.apply(backend.fork(pid));
        add.apply(backend.open(pid, Node.card(edge)));
        add.apply(backend.open(pid, Node.render(edge)));
        for (Ioctl<?> request : requests(edge)) {
            add.apply(backend.ioctl(pid, fd, request));
        }
        add.apply(backend.mmap(pid, new MmapRequest(edge, edge, edge, edge, fd, edge)));
        add.apply(backend.mmap(pid, new MmapRequest(edge, PAGE, RW, Mman.MAP_SHARED, fd, edge & -PAGE)));
        add.apply(backend.mmap(pid, MmapRequest.anonymous(edge, edge)));
        add.apply(backend.munmap(pid, edge, edge));
        add.apply(backend.mprotect(pid, edge, edge, edge));
        add.apply(backend.lseek(pid, fd, edge, word));
        add.apply(backend.read(pid, edge, edge));
        add.apply(backend.read(pid, edge, 16));
        add.apply(backend.write(pid, edge, new byte[] {1, 2, 3}));
        add.apply(backend.handleValid(pid, fd, new Handle(word)));
        add.apply(backend.handleCount(pid, fd));
        add.apply(backend.mapped(pid, edge));
        add.apply(backend.close(pid, fd));
        add.apply(backend.exit(pid));
        return outcomes;
    }
}
