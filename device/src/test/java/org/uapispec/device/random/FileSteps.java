package org.uapispec.device.random;

import static org.uapispec.device.random.Run.expect;
import static org.uapispec.device.random.Run.isErrno;
import static org.uapispec.device.random.Run.pid;

import java.util.List;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/** Processes and files: spawn, fork, exit, open, close, lseek, and the observations. */
final class FileSteps {
    /** Device numbers to open: the two the machine has, and numbers that name no node. */
    private static final long[] DEVICES = {0, 0, 0, 1, 1, 2, -1, 0x100000000L, 0xffffffffL, Long.MIN_VALUE};
    private static final int[] UIDS = {0, 0, 1000, 1000, 65534, -1, -2};
    private static final int MAX_ALIVE = 8;
    private static final int MAX_FDS = 12;

    private final Run run;
    private final Shadow shadow;
    private final Pick pick;

    FileSteps(Run run) {
        this.run = run;
        this.shadow = run.shadow;
        this.pick = run.pick;
    }

    void register(List<Run.Step> steps) {
        steps.add(p -> spawn());
        steps.add(this::fork);
        steps.add(this::exit);
        steps.add(this::open);
        steps.add(this::open);
        steps.add(this::open);
        steps.add(this::close);
        steps.add(this::lseek);
        steps.add(this::observe);
        steps.add(this::observe);
    }

    /** A root process, for when the run has too few. */
    Shadow.Proc spawnRoot() {
        Shadow.Proc none = new Shadow.Proc(-1);
        none.alive = true;
        Outcome<Pid> spawned = run.call(none, "spawn(root)", () -> run.backend.spawn(Credentials.ROOT));
        expect(spawned.isOk(), "spawn(root) must succeed, got %s", spawned);
        return shadow.spawned(spawned.value().value(), true);
    }

    /** [25] setuid: (uid_t)-1 is EINVAL; any other uid runs. */
    private void spawn() {
        if (alive() >= MAX_ALIVE) {
            return;
        }
        int uid = UIDS[pick.below(UIDS.length)];
        Credentials credentials = new Credentials(uid, uid == 0 && pick.chance(80));
        Shadow.Proc none = new Shadow.Proc(-1);
        none.alive = true;
        Outcome<Pid> spawned = run.call(none, "spawn(uid " + uid + ")", () -> run.backend.spawn(credentials));
        if (uid == -1) {
            expect(isErrno(spawned, Errno.EINVAL), "spawn as (uid_t)-1 must be EINVAL, got %s", spawned);
            return;
        }
        expect(spawned.isOk(), "spawn must succeed, got %s", spawned);
        shadow.spawned(spawned.value().value(), credentials.sysAdmin());
    }

    private void fork(Shadow.Proc p) {
        if (p.alive && alive() >= MAX_ALIVE) {
            exit(p);
            return;
        }
        Outcome<Pid> child = run.call(p, "fork", () -> run.backend.fork(pid(p)));
        if (p.alive) {
            expect(child.isOk(), "fork of a live process must succeed, got %s", child);
            shadow.forked(p, child.value().value());
        }
    }

    private void exit(Shadow.Proc p) {
        if (p.alive && (alive() <= 1 || pick.chance(50))) {
            return; // processes live long enough to build up state
        }
        Outcome<Void> exited = run.call(p, "exit", () -> run.backend.exit(pid(p)));
        if (p.alive) {
            expect(exited.isOk(), "exit of a live process must succeed, got %s", exited);
            shadow.exited(p);
        }
    }

    /** open(2): the lowest free fd, or ENOENT for a node the machine does not have. */
    private void open(Shadow.Proc p) {
        if (p.fds.size() >= MAX_FDS) {
            close(p);
            return;
        }
        long device = DEVICES[pick.below(DEVICES.length)];
        boolean render = pick.chance(30);
        Node node = render ? Node.render(device) : Node.card(device);
        Outcome<Fd> opened = run.call(p, "open(" + node + ")", () -> run.backend.open(pid(p), node));
        if (!p.alive) {
            return;
        }
        if (device != 0 && device != 1) {
            expect(isErrno(opened, Errno.ENOENT), "open of %s must be ENOENT, got %s", node, opened);
            return;
        }
        Profile profile = device == 0 ? run.profile : Profiles.GENERIC;
        if (render && !profile.driver().render()) {
            expect(isErrno(opened, Errno.ENOENT), "open of %s must be ENOENT without DRIVER_RENDER, got %s", node, opened);
            return;
        }
        expect(opened.isOk(), "open of %s must succeed, got %s", node, opened);
        int fd = opened.value().value();
        int lowest = Shadow.lowestFree(p.fds, Shadow.FIRST_FD);
        expect(fd == lowest, "open must return the lowest free fd %d, got %d", lowest, fd);
        shadow.install(p, fd, new Shadow.DrmFile((int) device, render, !render && p.admin));
    }

    /** close(2): 0 for an open fd, EBADF for any other number. */
    private void close(Shadow.Proc p) {
        int fd = fd(p);
        Outcome<Void> closed = run.call(p, "close(" + fd + ")", () -> run.backend.close(pid(p), new Fd(fd)));
        if (!p.alive) {
            return;
        }
        boolean open = p.fds.containsKey(fd);
        expect(open ? closed.isOk() : isErrno(closed, Errno.EBADF), "close(%d) of a%s fd, got %s", fd,
                open ? "n open" : " closed", closed);
        if (open) {
            shadow.close(p, fd);
        }
    }

    /**
     * lseek(2): EBADF without a file, EINVAL past SEEK_MAX (ksys_lseek), then the file's llseek: 0
     * for a DRM file (noop_llseek), the size or 0 for a dma-buf and EINVAL otherwise [97].
     */
    private void lseek(Shadow.Proc p) {
        int fd = fd(p);
        long offset = pick.chance(60) ? 0 : pick.edgeWord();
        int whence = pick.chance(80) ? pick.below(6) : (int) pick.edgeWord();
        Outcome<Long> sought = run.call(p, "lseek(" + fd + ", " + offset + ", " + whence + ")",
                () -> run.backend.lseek(pid(p), new Fd(fd), offset, whence));
        if (!p.alive) {
            return;
        }
        Shadow.Open open = p.fds.get(fd);
        Outcome<Long> expected;
        if (open == null) {
            expected = Outcome.err(Errno.EBADF);
        } else if (Integer.compareUnsigned(whence, Mman.SEEK_MAX) > 0) {
            expected = Outcome.err(Errno.EINVAL);
        } else if (open instanceof Shadow.DmaBuf dmaBuf) {
            expected = offset != 0 ? Outcome.err(Errno.EINVAL) : whence == Mman.SEEK_END
                    ? Outcome.ok(dmaBuf.exporter().size) : whence == Mman.SEEK_SET ? Outcome.ok(0L)
                    : Outcome.err(Errno.EINVAL);
            if (dmaBuf.exporter().size == Shadow.Obj.UNKNOWN_SIZE && whence == Mman.SEEK_END && offset == 0) {
                expected = sought.isOk() ? sought : Outcome.ok(0L); // a userptr's size, which the test does not follow
            }
        } else {
            expected = Outcome.ok(0L);
        }
        expect(sought.equals(expected), "lseek(%d, %d, %d) must be %s, got %s", fd, offset, whence, expected, sought);
    }

    /** The observations agree with the shadow: handle count and validity, mapped views. */
    private void observe(Shadow.Proc p) {
        int fd = fd(p);
        Shadow.Open open = p.fds.get(fd);
        if (pick.chance(30) && p.alive && !p.views.isEmpty()) {
            Shadow.View view = pick.of(p.views);
            Outcome<Boolean> mapped = run.call(p, "mapped(0x" + Long.toHexString(view.addr()) + ")",
                    () -> run.backend.mapped(pid(p), view.addr()));
            expect(mapped.equals(Outcome.ok(true)), "a view at 0x%x must be mapped, got %s", view.addr(), mapped);
            return;
        }
        Outcome<Integer> count = run.call(p, "handleCount(" + fd + ")", () -> run.backend.handleCount(pid(p), new Fd(fd)));
        int handle = open instanceof Shadow.DrmFile file && !file.handles.isEmpty() && pick.chance(60)
                ? pick.of(List.copyOf(file.handles.keySet())) : pick.strayHandle();
        Outcome<Boolean> valid = run.call(p, "handleValid(" + fd + ", " + Integer.toUnsignedString(handle) + ")",
                () -> run.backend.handleValid(pid(p), new Fd(fd), new Handle(handle)));
        if (!p.alive) {
            return;
        }
        if (open == null) {
            expect(isErrno(count, Errno.EBADF) && isErrno(valid, Errno.EBADF), "observing fd %d, which is not open, "
                    + "must be EBADF, got %s and %s", fd, count, valid);
        } else if (open instanceof Shadow.DrmFile file) {
            expect(count.equals(Outcome.ok(file.handles.size())), "fd %d holds %d handles, got %s", fd,
                    file.handles.size(), count);
            boolean live = file.handles.containsKey(handle);
            expect(valid.equals(Outcome.ok(live)), "handle %s of fd %d is %s, got %s", Integer.toUnsignedString(handle),
                    fd, live ? "live" : "not live", valid);
        }
    }

    /** An fd of {@code p} mostly, sometimes any small number or an edge. */
    int fd(Shadow.Proc p) {
        if (!p.fds.isEmpty() && pick.chance(92)) {
            return pick.of(List.copyOf(p.fds.keySet()));
        }
        return pick.chance(70) ? pick.below(20) : (int) pick.edgeWord();
    }

    /** A DRM fd of {@code p} mostly, for the ioctls that need one. */
    int drmFd(Shadow.Proc p) {
        List<Integer> drm = p.fds.entrySet().stream().filter(e -> e.getValue() instanceof Shadow.DrmFile)
                .map(java.util.Map.Entry::getKey).toList();
        return !drm.isEmpty() && pick.chance(85) ? pick.of(drm) : fd(p);
    }

    private int alive() {
        return shadow.alive.size();
    }
}
