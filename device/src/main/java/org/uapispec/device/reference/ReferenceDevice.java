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
import org.uapispec.api.Memfd;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.dmabuf.PrimeFeature;
import org.uapispec.device.dmabuf.SystemHeap;
import org.uapispec.device.dmabuf.UdmabufDevice;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.memfd.MemfdFile;
import org.uapispec.device.mmap.MmapFeature;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;
import org.uapispec.device.profile.SystemRules;

/**
 * The reference device: a deterministic in-memory model of DRM devices and the processes that use
 * them, answering every call by rules traced to the catalogue ({@code catalogue.json} of the {@code catalogue} module).
 *
 * <p>Device 0 follows the profile it is created with. Device 1 is a {@code generic} (vgem-like)
 * device, so that a scenario can import a buffer exported by another driver.
 */
public final class ReferenceDevice implements Backend {
    private static final int FIRST_PID = 100;

    private final List<DrmDevice> devices = new ArrayList<>();
    private final Map<Integer, Process> processes = new LinkedHashMap<>();
    private final Syscalls syscalls;
    /** What the machine's kernel has beside DRM: device 0's profile speaks for it. */
    private final SystemRules system;
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
        this.system = profiles.get(0).system();
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

    /** misc_open of a node the machine's kernel has ({@link SystemRules}); ENOENT for one it lacks. */
    @Override
    public Outcome<Fd> open(Pid pid, MiscDevice device) {
        Objects.requireNonNull(device, "device");
        return living(pid).then(p -> switch (device) {
            case UDMABUF -> system.udmabuf() ? Outcome.ok(p.files().install(new UdmabufDevice(system)))
                    : Outcome.<Fd>err(Errno.ENOENT);
            case SYSTEM_HEAP -> system.systemHeap() ? Outcome.ok(p.files().install(new SystemHeap()))
                    : Outcome.<Fd>err(Errno.ENOENT);
        });
    }

    /**
     * memfd_create: MFD_HUGETLB would make a hugetlbfs file, which the model does not have (the QEMU
     * guest reserves no huge pages either), so that call is refused; the rest is {@link MemfdFile#create}.
     */
    @Override
    public Outcome<Fd> memfdCreate(Pid pid, String name, int flags) {
        Objects.requireNonNull(name, "name");
        return living(pid).then(p -> {
            if ((flags & Memfd.MFD_HUGETLB) != 0) {
                return Outcome.refused("memfd_create with MFD_HUGETLB: hugetlbfs is not modelled");
            }
            return MemfdFile.create(name, flags, system).map(file -> p.files().install(file));
        });
    }

    /**
     * do_sys_ftruncate: a negative length EINVAL, then EBADF, then EINVAL unless the file is a regular
     * file opened for writing (DRM files and dma-bufs are neither); then shmem_setattr's seals.
     */
    @Override
    public Outcome<Void> ftruncate(Pid pid, Fd fd, long length) {
        Objects.requireNonNull(fd, "fd");
        return living(pid).then(p -> {
            if (length < 0) {
                return Outcome.err(Errno.EINVAL);
            }
            return p.files().get(fd).map(file -> file instanceof MemfdFile memfd ? memfd.truncate(length)
                    : Outcome.<Void>err(Errno.EINVAL)).orElseGet(() -> Outcome.err(Errno.EBADF));
        });
    }

    /**
     * fcntl F_ADD_SEALS (memfd_add_seals): EBADF; EPERM for a file not opened for writing; EINVAL for
     * bits outside F_ALL_SEALS, then for a file that takes no seals; then {@link MemfdFile#addSeals}.
     */
    @Override
    public Outcome<Void> addSeals(Pid pid, Fd fd, int seals) {
        Objects.requireNonNull(fd, "fd");
        return living(pid).then(p -> p.files().get(fd).map(file -> {
            if (!file.writable()) {
                return Outcome.<Void>err(Errno.EPERM);
            }
            int all = MemfdFile.allSeals(system);
            if ((seals & ~all) != 0 || !(file instanceof MemfdFile memfd)) {
                return Outcome.<Void>err(Errno.EINVAL);
            }
            return memfd.addSeals(seals);
        }).orElseGet(() -> Outcome.err(Errno.EBADF)));
    }

    /** fcntl F_GET_SEALS: EBADF, EINVAL for a file that takes no seals. */
    @Override
    public Outcome<Integer> getSeals(Pid pid, Fd fd) {
        Objects.requireNonNull(fd, "fd");
        return living(pid).then(p -> p.files().get(fd)
                .map(file -> file instanceof MemfdFile memfd ? Outcome.ok(memfd.seals()) : Outcome.<Integer>err(Errno.EINVAL))
                .orElseGet(() -> Outcome.err(Errno.EBADF)));
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
