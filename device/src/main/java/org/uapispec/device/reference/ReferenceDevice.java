package org.uapispec.device.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.dmabuf.PrimeFeature;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.mmap.MmapFeature;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * The reference device: a deterministic in-memory model of DRM devices and the processes that use
 * them, answering every call by rules traced to {@code shared/reference/uapi-catalogue.md}.
 *
 * <p>Device 0 follows the profile it is created with. Device 1 is a {@code generic} (vgem-like)
 * device, so that a scenario can import a buffer exported by another driver.
 */
public final class ReferenceDevice implements Backend {
    private static final int FIRST_PID = 100;

    private final List<DrmDevice> devices = new ArrayList<>();
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private final Syscalls syscalls;
    private int nextPid = FIRST_PID;

    /** A machine whose device 0 follows {@code primary} and device 1 is generic. */
    public ReferenceDevice(Profile primary) {
        this(List.of(primary, Profiles.GENERIC));
    }

    /** A machine with one device per profile, numbered in order. */
    public ReferenceDevice(List<Profile> profiles) {
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("a machine needs at least one device");
        }
        for (Profile profile : profiles) {
            DrmDevice device = new DrmDevice(devices.size(), Objects.requireNonNull(profile, "profile"),
                    DrmFileOperations.INSTANCE);
            MmapFeature.install(device);
            PrimeFeature.install(device);
            devices.add(device);
        }
        this.syscalls = new Syscalls(profiles.get(0).mmap());
    }

    /** The profile of device 0. */
    public Profile profile() {
        return devices.get(0).profile();
    }

    /** (uid_t)-1 names no user: __sys_setuid answers EINVAL when make_kuid gives an invalid kuid. */
    @Override
    public Outcome<Pid> spawn(Credentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.uid() == -1) {
            return Outcome.err(Errno.EINVAL);
        }
        Process process = new Process(new Pid(nextPid++), credentials);
        processes.put(process.pid().value(), process);
        return Outcome.ok(process.pid());
    }

    @Override
    public Outcome<Pid> fork(Pid parent) {
        return living(parent).map(p -> {
            Process child = p.fork(new Pid(nextPid++));
            processes.put(child.pid().value(), child);
            return child.pid();
        });
    }

    @Override
    public Outcome<Void> exit(Pid pid) {
        return living(pid).then(p -> {
            p.exit();
            return Outcome.ok();
        });
    }

    @Override
    public Outcome<Fd> open(Pid pid, Node node) {
        Objects.requireNonNull(node, "node");
        return living(pid).then(p -> {
            if (node.device() < 0 || node.device() >= devices.size()) {
                return Outcome.err(Errno.ENOENT); // no such /dev/dri node
            }
            DrmDevice device = devices.get((int) node.device());
            if (node.kind() == Node.Kind.RENDER && !device.profile().driver().render()) {
                return Outcome.err(Errno.ENOENT); // drm_dev_register makes a render minor only for DRIVER_RENDER
            }
            DrmFile file = device.open(node.kind(), p.credentials());
            return Outcome.ok(p.files().install(file));
        });
    }

    @Override
    public Outcome<Void> close(Pid pid, Fd fd) {
        return living(pid).then(p -> p.files().close(fd) ? Outcome.ok() : Outcome.err(Errno.EBADF));
    }

    @Override
    public <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request) {
        Objects.requireNonNull(request, "request");
        return living(pid).then(p -> p.files().get(fd)
                .map(file -> file.ioctl(p, request))
                .orElseGet(() -> Outcome.err(Errno.EBADF)));
    }

    @Override
    public Outcome<Long> mmap(Pid pid, MmapRequest request) {
        Objects.requireNonNull(request, "request");
        return living(pid).then(p -> syscalls.mmap(p, request));
    }

    @Override
    public Outcome<Void> munmap(Pid pid, long addr, long length) {
        return living(pid).then(p -> p.memory().unmap(addr, length));
    }

    @Override
    public Outcome<Void> mprotect(Pid pid, long addr, long length, long prot) {
        return living(pid).then(p -> p.memory().protect(addr, length, prot));
    }

    /**
     * do_sys_poll of one fd, timeout 0: POLLNVAL for an fd not open (no error), else what the
     * file's poll reports among the events asked, with POLLERR and POLLHUP always asked.
     */
    @Override
    public Outcome<Integer> poll(Pid pid, Fd fd, int events) {
        Objects.requireNonNull(fd, "fd");
        int asked = (events & 0xffff) | Mman.POLLERR | Mman.POLLHUP;
        return living(pid).then(p -> Outcome.ok(p.files().get(fd)
                .map(file -> file.poll(asked) & asked)
                .orElse(Mman.POLLNVAL)));
    }

    /** ksys_lseek: EBADF, then EINVAL for a whence past SEEK_MAX (unsigned), then the file's llseek. */
    @Override
    public Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence) {
        Objects.requireNonNull(fd, "fd");
        return living(pid).then(p -> p.files().get(fd)
                .map(file -> Integer.compareUnsigned(whence, Mman.SEEK_MAX) > 0
                        ? Outcome.<Long>err(Errno.EINVAL) : file.lseek(offset, whence))
                .orElseGet(() -> Outcome.err(Errno.EBADF)));
    }

    @Override
    public Outcome<byte[]> read(Pid pid, long addr, long length) {
        return living(pid).then(p -> p.memory().read(addr, length));
    }

    @Override
    public Outcome<Void> write(Pid pid, long addr, byte[] data) {
        Objects.requireNonNull(data, "data");
        return living(pid).then(p -> p.memory().write(addr, data));
    }

    @Override
    public Outcome<Boolean> handleValid(Pid pid, Fd fd, Handle handle) {
        Objects.requireNonNull(handle, "handle");
        return drmFile(pid, fd).map(file -> file.handles().lookup(handle).isPresent());
    }

    @Override
    public Outcome<Integer> handleCount(Pid pid, Fd fd) {
        return drmFile(pid, fd).map(file -> file.handles().size());
    }

    @Override
    public Outcome<Boolean> mapped(Pid pid, long addr) {
        return living(pid).map(p -> p.memory().vmaAt(addr).isPresent());
    }

    @Override
    public String describeState() {
        return StateDump.of(devices, processes.values());
    }

    /** EBADF unless {@code fd} is a DRM file of the process; ENOTTY for another kind of file. */
    private Outcome<DrmFile> drmFile(Pid pid, Fd fd) {
        return living(pid).then(p -> p.files().get(fd)
                .<Outcome<DrmFile>>map(file -> file instanceof DrmFile drm ? Outcome.ok(drm) : Outcome.err(Errno.ENOTTY))
                .orElseGet(() -> Outcome.err(Errno.EBADF)));
    }

    /** ESRCH for a pid this backend never issued or whose process has exited. */
    private Outcome<Process> living(Pid pid) {
        Objects.requireNonNull(pid, "pid");
        Process process = processes.get(pid.value());
        return process == null || !process.alive() ? Outcome.err(Errno.ESRCH) : Outcome.ok(process);
    }
}
