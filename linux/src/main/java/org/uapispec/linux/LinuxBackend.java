package org.uapispec.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.uapispec.api.Backend;
import org.uapispec.api.Credentials;
import org.uapispec.api.DmaBufIoctl;
import org.uapispec.api.DmaHeapIoctl;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Ioctl;
import org.uapispec.api.Magic;
import org.uapispec.api.MiscDevice;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.QxlIoctl;
import org.uapispec.api.RadeonIoctl;
import org.uapispec.api.UdmabufIoctl;
import org.uapispec.api.VgemIoctl;
import org.uapispec.api.VirtioGpuIoctl;

/**
 * The {@link Backend} port on a real kernel: every call is a syscall the guest agent makes in a
 * guest process, and every answer is the kernel's. One instance serves one scenario on one or more
 * drivers: the spec's device {@code n} is the {@code n}th driver's card and render node
 * ({@link DriverNodes}), a device past them a path no machine has, and every
 * process it spawns is a fresh child of the agent, and {@link #close} ends them all, so that
 * scenarios share nothing but the machine.
 *
 * <p>Pids and fds are the agent's and the kernel's own numbers. Where the kernel has no such
 * question (a GPU batch, a field the uAPI does not have), the answer is {@link Outcome.Refused}, which
 * fails the step that gets it whatever it expected; an errno the api does not name is refused too,
 * with its number.
 */
public final class LinuxBackend implements Backend, AutoCloseable {
    private static final long O_RDWR = 2;
    private static final long O_CLOEXEC = 02000000;
    /** CAP_SYS_ADMIN (21 in include/uapi/linux/capability.h) as a capability mask. */
    private static final long SYS_ADMIN = 1L << 21;
    /** PR_SET_KEEPCAPS of include/uapi/linux/prctl.h. */
    private static final long PR_SET_KEEPCAPS = 8;
    /** F_ADD_SEALS and F_GET_SEALS of include/uapi/linux/fcntl.h (F_LINUX_SPECIFIC_BASE 1024 + 9, + 10). */
    private static final long F_ADD_SEALS = 1033;
    private static final long F_GET_SEALS = 1034;

    private final AgentClient agent;
    private final List<String> drivers;
    private final List<DriverNodes.Nodes> nodes;
    private final Set<Pid> live = new LinkedHashSet<>();
    /** The highest handle any call of this backend got from the kernel. */
    private int highestHandle;

    /**
     * @param agent  the machine's agent
     * @param driver the DRM driver name the spec's device 0 stands for ({@code vgem})
     * @throws IllegalArgumentException when the machine has no node of that driver
     */
    public LinuxBackend(AgentClient agent, DriverNodes machine, String driver) {
        this(agent, machine, List.of(driver));
    }

    /**
     * @param drivers the DRM driver names the spec's devices 0, 1, ... stand for ({@code vgem, virtio_gpu})
     * @throws IllegalArgumentException when the machine has no node of one of them
     */
    public LinuxBackend(AgentClient agent, DriverNodes machine, List<String> drivers) {
        this.agent = agent;
        this.drivers = List.copyOf(drivers);
        List<DriverNodes.Nodes> found = new ArrayList<>();
        for (String driver : drivers) {
            found.add(machine.of(driver).orElseThrow(() -> new IllegalArgumentException(
                    "no DRM node of driver " + driver + " on this machine (it has " + machine.drivers() + ")")));
        }
        this.nodes = List.copyOf(found);
    }

    @Override
    public Outcome<Pid> spawn(Credentials credentials) {
        Reply spawned = agent.spawn();
        Outcome<Pid> pid = value(spawned, r -> new Pid((int) r.result()));
        if (!(pid instanceof Outcome.Ok<Pid> ok)) {
            return pid;
        }
        live.add(ok.value());
        Reply refused = credentials(ok.value(), credentials);
        if (refused != null) {
            return Outcome.refused("the process could not take uid " + credentials.uid()
                    + (credentials.sysAdmin() ? " with" : " without") + " CAP_SYS_ADMIN: " + refused);
        }
        return pid;
    }

    /**
     * Gives a fresh root process the spec's credentials, as the kernel's checks see them: the uid
     * (setgroups, setgid, setuid) and CAP_SYS_ADMIN in the effective set, which {@code capable()}
     * tests. Root without it drops it from every set; another uid with it keeps its capabilities
     * through setuid (PR_SET_KEEPCAPS) and then holds CAP_SYS_ADMIN alone. Returns the first answer
     * that failed, or null.
     */
    private Reply credentials(Pid pid, Credentials credentials) {
        if (credentials.uid() == 0 && credentials.sysAdmin()) {
            return null;
        }
        if (credentials.uid() == 0) {
            Reply sets = agent.capget(pid);
            if (!sets.isOk()) {
                return sets;
            }
            ByteBuffer masks = ByteBuffer.wrap(sets.data()).order(ByteOrder.LITTLE_ENDIAN);
            long effective = masks.getLong(0) & ~SYS_ADMIN;
            long permitted = masks.getLong(8) & ~SYS_ADMIN;
            long inheritable = masks.getLong(16) & ~SYS_ADMIN;
            Reply dropped = agent.capset(pid, effective, permitted, inheritable);
            return dropped.isOk() ? null : dropped;
        }
        if (credentials.sysAdmin()) {
            Reply keep = agent.prctl(pid, PR_SET_KEEPCAPS, 1, 0, 0, 0);
            if (!keep.isOk()) {
                return keep;
            }
        }
        Reply ids = agent.setIds(pid, credentials.uid(), credentials.uid());
        if (!ids.isOk()) {
            return ids;
        }
        if (credentials.sysAdmin()) {
            Reply admin = agent.capset(pid, SYS_ADMIN, SYS_ADMIN, 0);
            return admin.isOk() ? null : admin;
        }
        return null;
    }

    @Override
    public Outcome<Pid> fork(Pid parent) {
        Outcome<Pid> child = value(agent.fork(parent), r -> new Pid((int) r.result()));
        if (child instanceof Outcome.Ok<Pid> ok) {
            live.add(ok.value());
        }
        return child;
    }

    @Override
    public Outcome<Void> exit(Pid pid) {
        Outcome<Void> exited = nothing(agent.exit(pid));
        if (exited instanceof Outcome.Ok) {
            live.remove(pid);
        }
        return exited;
    }

    /** The spec's device n is the nth driver's nodes; a device past them is a path no machine has (ENOENT). */
    @Override
    public Outcome<Fd> open(Pid pid, Node node) {
        String path;
        if (Long.compareUnsigned(node.device(), nodes.size()) >= 0) {
            path = "/dev/dri/uapispec-no-device-" + Long.toUnsignedString(node.device());
        } else {
            DriverNodes.Nodes device = nodes.get((int) node.device());
            path = node.kind() == Node.Kind.CARD ? device.card() : device.render() != null ? device.render()
                    : "/dev/dri/uapispec-no-render-node-of-" + drivers.get((int) node.device());
        }
        return value(agent.open(pid, path, O_RDWR | O_CLOEXEC, 0), r -> new Fd((int) r.result()));
    }

    /** The node's path, opened as the DRM nodes are; a kernel without the driver has none (ENOENT). */
    @Override
    public Outcome<Fd> open(Pid pid, MiscDevice device) {
        return value(agent.open(pid, device.path(), O_RDWR | O_CLOEXEC, 0), r -> new Fd((int) r.result()));
    }

    @Override
    public Outcome<Fd> memfdCreate(Pid pid, String name, int flags) {
        return value(agent.memfdCreate(pid, name, Integer.toUnsignedLong(flags)), r -> new Fd((int) r.result()));
    }

    @Override
    public Outcome<Void> ftruncate(Pid pid, Fd fd, long length) {
        return nothing(agent.ftruncate(pid, fd, length));
    }

    @Override
    public Outcome<Void> addSeals(Pid pid, Fd fd, int seals) {
        return nothing(agent.fcntl(pid, fd, F_ADD_SEALS, Integer.toUnsignedLong(seals)));
    }

    @Override
    public Outcome<Integer> getSeals(Pid pid, Fd fd) {
        return value(agent.fcntl(pid, fd, F_GET_SEALS, 0), r -> (int) r.result());
    }

    @Override
    public Outcome<Void> close(Pid pid, Fd fd) {
        return nothing(agent.close(pid, fd));
    }

    @Override
    public <R> Outcome<R> ioctl(Pid pid, Fd fd, Ioctl<R> request) {
        return request.dispatch(new Calls(pid, fd));
    }

    @Override
    public Outcome<Long> mmap(Pid pid, MmapRequest request) {
        return value(agent.mmap(pid, request.addr(), request.length(), request.prot(), request.flags(), request.fd(),
                request.offset()), Reply::result);
    }

    @Override
    public Outcome<Void> munmap(Pid pid, long addr, long length) {
        return nothing(agent.munmap(pid, addr, length));
    }

    @Override
    public Outcome<Void> mprotect(Pid pid, long addr, long length, long prot) {
        return nothing(agent.mprotect(pid, addr, length, prot));
    }

    @Override
    public Outcome<Integer> poll(Pid pid, Fd fd, int events) {
        return value(agent.poll(pid, fd, Short.toUnsignedLong((short) events)), reply -> (int) reply.result());
    }

    @Override
    public Outcome<Long> lseek(Pid pid, Fd fd, long offset, int whence) {
        return value(agent.lseek(pid, fd, offset, Integer.toUnsignedLong(whence)), Reply::result);
    }

    @Override
    public Outcome<byte[]> read(Pid pid, long addr, long length) {
        if (Long.compareUnsigned(length, MAX_TRANSFER) > 0) {
            return Outcome.refused("a read of " + Long.toUnsignedString(length) + " bytes is more than "
                    + MAX_TRANSFER + " a call carries");
        }
        return value(agent.readMemory(pid, addr, length), Reply::data);
    }

    @Override
    public Outcome<Void> write(Pid pid, long addr, byte[] data) {
        if (data.length > MAX_TRANSFER) {
            return Outcome.refused("a write of " + data.length + " bytes is more than " + MAX_TRANSFER + " a call carries");
        }
        return nothing(agent.writeMemory(pid, addr, data));
    }

    /**
     * DRM_IOCTL_MODE_MAP_DUMB asks the handle's object for its fake offset: ENOENT when the handle
     * names none, EINVAL for an imported object (which has no offset of its own, but is one), EPERM
     * for radeon's userptr objects and ENODEV for i915's (both refused after the lookup). It
     * creates the object's offset when it has none yet, which a later mmap-offset call would have
     * created the same; the DRM core has no ioctl that only looks a handle up.
     */
    @Override
    public Outcome<Boolean> handleValid(Pid pid, Fd fd, Handle handle) {
        return holds(agent.ioctl(pid, fd, Abi.MODE_MAP_DUMB.request(), mapDumb(handle.value())));
    }

    private static byte[] mapDumb(int handle) {
        return Abi.DRM_MODE_MAP_DUMB.zeroed().set("handle", handle).bytes();
    }

    /** What MODE_MAP_DUMB's answer says of its handle: ok, EINVAL, EPERM or ENODEV, a live handle; ENOENT, none. */
    private static Outcome<Boolean> holds(Reply reply) {
        if (reply.isOk() || reply.errnoNumber() == Errno.EINVAL.number() || reply.errnoNumber() == Errno.EPERM.number()
                || reply.errnoNumber() == Errno.ENODEV.number()) {
            return Outcome.ok(true);
        }
        if (reply.errnoNumber() == Errno.ENOENT.number()) {
            return Outcome.ok(false);
        }
        return value(reply, r -> false);
    }

    /**
     * Linux tells no file's handle count (its fdinfo has none), so this asks each handle from 1 to
     * the highest this backend has seen the kernel hand out ({@link #handleValid}): drm_gem_handle_create_tail
     * allocates the lowest free handle from 1 (idr_alloc(.., 1, 0)), so no live handle is above it.
     * The probes go to the agent together ({@link AgentClient#pipeline}).
     */
    @Override
    public Outcome<Integer> handleCount(Pid pid, Fd fd) {
        List<Request> probes = new ArrayList<>(highestHandle);
        for (int h = 1; h <= highestHandle; h++) {
            probes.add(Request.ioctl(pid, fd, Abi.MODE_MAP_DUMB.request(), mapDumb(h)));
        }
        int count = 0;
        for (Reply reply : agent.pipeline(probes)) {
            Outcome<Boolean> held = holds(reply);
            if (!(held instanceof Outcome.Ok<Boolean> ok)) {
                return held.map(b -> 0);
            }
            count += ok.value() ? 1 : 0;
        }
        return Outcome.ok(count);
    }

    /** Notes a handle the kernel handed out, for {@link #handleCount}. */
    private Handle seen(Handle handle) {
        highestHandle = Math.max(highestHandle, handle.value());
        return handle;
    }

    @Override
    public Outcome<Boolean> mapped(Pid pid, long addr) {
        return value(agent.mapped(pid, addr), r -> r.result() != 0);
    }

    @Override
    public String describeState() {
        List<String> devices = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            DriverNodes.Nodes device = nodes.get(i);
            devices.add("device " + i + ": " + drivers.get(i) + " (" + device.card()
                    + (device.render() == null ? "" : ", " + device.render()) + ")");
        }
        return "Linux kernel, " + String.join(", ", devices)
                + "), processes " + live.stream().map(p -> Integer.toString(p.value())).toList();
    }

    /** Ends every process this backend started that is still running. */
    @Override
    public void close() {
        List<Pid> running = new ArrayList<>(live);
        live.clear();
        running.forEach(agent::exit);
    }

    /** The kernel's answer as an outcome: its value when it succeeded, else its errno or signal. */
    private static <T> Outcome<T> value(Reply reply, Function<Reply, T> ok) {
        if (reply.signalNumber() != 0) {
            return reply.signal().<Outcome<T>>map(Outcome::sig)
                    .orElseGet(() -> Outcome.refused("the access raised signal " + reply.signalNumber()));
        }
        if (reply.isError()) {
            return reply.errno().<Outcome<T>>map(Outcome::err)
                    .orElseGet(() -> Outcome.refused("the kernel answered errno " + reply.errnoNumber()
                            + ", which the api does not name"));
        }
        return Outcome.ok(ok.apply(reply));
    }

    /**
     * The string drm_copy_field left at {@code offset}: {@code length} bytes as the kernel reports the
     * whole string's length, of which at most {@code room} were copied.
     */
    private static String string(byte[] page, int offset, long length, long room) {
        int copied = (int) Math.min(length, room);
        return new String(page, offset, copied, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Outcome<Void> nothing(Reply reply) {
        return value(reply, r -> null);
    }

    /** The ioctls of one file of one process, each through its x86-64 layout ({@link Abi}). */
    private final class Calls implements Ioctl.Handler {
        private final Pid pid;
        private final Fd fd;

        Calls(Pid pid, Fd fd) {
            this.pid = pid;
            this.fd = fd;
        }

        /** Sends the struct, and reads the one the kernel handed back through the same layout. */
        private <T> Outcome<T> call(Abi.IoctlCode ioctl, Struct.Instance argument, Function<Struct.Instance, T> result) {
            Reply reply = agent.ioctl(pid, fd, ioctl.request(), argument.bytes());
            return value(reply, r -> result.apply(ioctl.struct().read(r.data())));
        }

        @Override
        public Outcome<Void> gemClose(DrmIoctl.GemClose request) {
            return call(Abi.GEM_CLOSE, Abi.DRM_GEM_CLOSE.zeroed().set("handle", request.handle().value())
                    .set("pad", request.pad()), s -> null);
        }

        @Override
        public Outcome<FlinkName> gemFlink(DrmIoctl.GemFlink request) {
            return call(Abi.GEM_FLINK, Abi.DRM_GEM_FLINK.zeroed().set("handle", request.handle().value()),
                    s -> new FlinkName(s.getInt("name")));
        }

        @Override
        public Outcome<DrmIoctl.GemOpen.Result> gemOpen(DrmIoctl.GemOpen request) {
            return call(Abi.GEM_OPEN, Abi.DRM_GEM_OPEN.zeroed().set("name", request.name().value()),
                    s -> new DrmIoctl.GemOpen.Result(seen(new Handle(s.getInt("handle"))), s.get("size")));
        }

        @Override
        public Outcome<Magic> getMagic(DrmIoctl.GetMagic request) {
            return call(Abi.GET_MAGIC, Abi.DRM_AUTH.zeroed(), s -> new Magic(s.getInt("magic")));
        }

        /** The name and the description land in a scratch page of the process, read back after the call. */
        @Override
        public Outcome<DrmIoctl.Version.Result> version(DrmIoctl.Version request) {
            long half = Mman.PAGE_SIZE / 2;
            return withScratch(Mman.PAGE_SIZE, buffer -> {
                Outcome<Struct.Instance> asked = call(Abi.VERSION, Abi.DRM_VERSION.zeroed().set("name_len", half - 1)
                        .set("name", buffer).set("desc_len", half - 1).set("desc", buffer + half), s -> s);
                if (!(asked instanceof Outcome.Ok<Struct.Instance> ok)) {
                    return asked.map(s -> null);
                }
                Struct.Instance s = ok.value();
                Reply bytes = agent.readMemory(pid, buffer, Mman.PAGE_SIZE);
                if (!bytes.isOk()) {
                    return Outcome.refused("the version strings could not be read back: " + bytes);
                }
                return Outcome.ok(new DrmIoctl.Version.Result(s.getInt("version_major"), s.getInt("version_minor"),
                        s.getInt("version_patchlevel"), string(bytes.data(), 0, s.get("name_len"), half - 1),
                        string(bytes.data(), (int) half, s.get("desc_len"), half - 1)));
            });
        }

        @Override
        public Outcome<Long> getCap(DrmIoctl.GetCap request) {
            return call(Abi.GET_CAP, Abi.DRM_GET_CAP.zeroed().set("capability", request.capability()),
                    s -> s.get("value"));
        }

        @Override
        public Outcome<Void> authMagic(DrmIoctl.AuthMagic request) {
            return call(Abi.AUTH_MAGIC, Abi.DRM_AUTH.zeroed().set("magic", request.magic().value()), s -> null);
        }

        @Override
        public Outcome<DrmIoctl.ModeCreateDumb.Result> modeCreateDumb(DrmIoctl.ModeCreateDumb request) {
            return call(Abi.MODE_CREATE_DUMB, Abi.DRM_MODE_CREATE_DUMB.zeroed().set("height", request.height())
                    .set("width", request.width()).set("bpp", request.bpp()).set("flags", request.flags()),
                    s -> new DrmIoctl.ModeCreateDumb.Result(seen(new Handle(s.getInt("handle"))), s.getInt("pitch"),
                            s.get("size")));
        }

        @Override
        public Outcome<MmapOffset> modeMapDumb(DrmIoctl.ModeMapDumb request) {
            return call(Abi.MODE_MAP_DUMB, Abi.DRM_MODE_MAP_DUMB.zeroed().set("handle", request.handle().value())
                    .set("pad", request.pad()), s -> new MmapOffset(s.get("offset")));
        }

        @Override
        public Outcome<Void> modeDestroyDumb(DrmIoctl.ModeDestroyDumb request) {
            return call(Abi.MODE_DESTROY_DUMB, Abi.DRM_MODE_DESTROY_DUMB.zeroed()
                    .set("handle", request.handle().value()), s -> null);
        }

        @Override
        public Outcome<Fd> primeHandleToFd(DrmIoctl.PrimeHandleToFd request) {
            return call(Abi.PRIME_HANDLE_TO_FD, Abi.DRM_PRIME_HANDLE.zeroed().set("handle", request.handle().value())
                    .set("flags", request.flags()), s -> new Fd(s.getInt("fd")));
        }

        @Override
        public Outcome<Handle> primeFdToHandle(DrmIoctl.PrimeFdToHandle request) {
            return call(Abi.PRIME_FD_TO_HANDLE, Abi.DRM_PRIME_HANDLE.zeroed().set("fd", request.dmaBuf().value()),
                    s -> seen(new Handle(s.getInt("handle"))));
        }

        @Override
        public Outcome<MmapOffset> virtioGpuMap(VirtioGpuIoctl.Map request) {
            return call(Abi.VIRTGPU_MAP_IOCTL, Abi.VIRTGPU_MAP.zeroed().set("handle", request.handle().value()),
                    s -> new MmapOffset(s.get("offset")));
        }

        /** The kernel writes the value to an int in a scratch page of the process, read back after the call. */
        @Override
        public Outcome<Integer> virtioGpuGetParam(VirtioGpuIoctl.GetParam request) {
            return withScratch(Integer.BYTES, buffer -> {
                Outcome<Void> asked = call(Abi.VIRTGPU_GETPARAM_IOCTL, Abi.VIRTGPU_GETPARAM.zeroed()
                        .set("param", request.param()).set("value", buffer), s -> null);
                return asked instanceof Outcome.Ok ? value(agent.readMemory(pid, buffer, Integer.BYTES),
                        r -> ByteBuffer.wrap(r.data()).order(ByteOrder.LITTLE_ENDIAN).getInt())
                        : asked.map(v -> 0);
            });
        }

        @Override
        public Outcome<VirtioGpuIoctl.ResourceCreate.Result> virtioGpuResourceCreate(
                VirtioGpuIoctl.ResourceCreate request) {
            return call(Abi.VIRTGPU_RESOURCE_CREATE_IOCTL, Abi.VIRTGPU_RESOURCE_CREATE.zeroed()
                    .set("target", request.target()).set("format", request.format()).set("bind", request.bind())
                    .set("width", request.width()).set("height", request.height()).set("depth", request.depth())
                    .set("array_size", request.arraySize()).set("last_level", request.lastLevel())
                    .set("nr_samples", request.nrSamples()).set("flags", request.flags())
                    .set("size", request.size()).set("stride", request.stride()),
                    s -> new VirtioGpuIoctl.ResourceCreate.Result(seen(new Handle(s.getInt("bo_handle"))),
                            s.getInt("res_handle")));
        }

        /** The size is a u32 of the struct, as the unsigned value it is. */
        @Override
        public Outcome<VirtioGpuIoctl.ResourceInfo.Result> virtioGpuResourceInfo(VirtioGpuIoctl.ResourceInfo request) {
            return call(Abi.VIRTGPU_RESOURCE_INFO_IOCTL, Abi.VIRTGPU_RESOURCE_INFO.zeroed()
                    .set("bo_handle", request.handle().value()),
                    s -> new VirtioGpuIoctl.ResourceInfo.Result(s.get("size"), s.getInt("res_handle")));
        }

        @Override
        public Outcome<Void> virtioGpuTransferToHost(VirtioGpuIoctl.TransferToHost request) {
            return call(Abi.VIRTGPU_TRANSFER_TO_HOST_IOCTL, transfer(Abi.VIRTGPU_TRANSFER_TO_HOST, request.handle(),
                    request.box(), request.level(), request.offset()), s -> null);
        }

        @Override
        public Outcome<Void> virtioGpuTransferFromHost(VirtioGpuIoctl.TransferFromHost request) {
            return call(Abi.VIRTGPU_TRANSFER_FROM_HOST_IOCTL, transfer(Abi.VIRTGPU_TRANSFER_FROM_HOST,
                    request.handle(), request.box(), request.level(), request.offset()), s -> null);
        }

        /** Either transfer's struct; stride and layer_stride 0, which a 2D resource must have. */
        private Struct.Instance transfer(Struct layout, Handle handle, VirtioGpuIoctl.Box box, int level, int offset) {
            return layout.zeroed().set("bo_handle", handle.value()).set("box.x", box.x()).set("box.y", box.y())
                    .set("box.z", box.z()).set("box.w", box.w()).set("box.h", box.h()).set("box.d", box.d())
                    .set("level", level).set("offset", offset);
        }

        @Override
        public Outcome<Void> virtioGpuWait(VirtioGpuIoctl.Wait request) {
            return call(Abi.VIRTGPU_WAIT_IOCTL, Abi.VIRTGPU_3D_WAIT.zeroed().set("handle", request.handle().value())
                    .set("flags", request.flags()), s -> null);
        }

        /** An empty submission: no command bytes, no objects, no fences or syncobjs (all zero). */
        @Override
        public Outcome<Void> virtioGpuExecbuffer(VirtioGpuIoctl.Execbuffer request) {
            return call(Abi.VIRTGPU_EXECBUFFER_IOCTL, Abi.VIRTGPU_EXECBUFFER.zeroed().set("flags", request.flags()),
                    s -> null);
        }

        /**
         * The kernel copies the capability set to {@code size} scratch bytes of the process; the backend
         * supplies at most a page, so a larger size is {@link Outcome.Refused} and not sent.
         */
        @Override
        public Outcome<Void> virtioGpuGetCaps(VirtioGpuIoctl.GetCaps request) {
            long size = Integer.toUnsignedLong(request.size());
            if (size > Mman.PAGE_SIZE) {
                return Outcome.refused("DRM_IOCTL_VIRTGPU_GET_CAPS of " + size + " bytes: the backend supplies"
                        + " at most a page for a capability set");
            }
            return withScratch(size, buffer -> call(Abi.VIRTGPU_GET_CAPS_IOCTL, Abi.VIRTGPU_GET_CAPS.zeroed()
                    .set("cap_set_id", request.capSetId()).set("cap_set_ver", request.capSetVer())
                    .set("addr", buffer).set("size", size), s -> null));
        }

        /** No command (cmd and cmd_size 0) and blob id 0. */
        @Override
        public Outcome<Handle> virtioGpuResourceCreateBlob(VirtioGpuIoctl.ResourceCreateBlob request) {
            return call(Abi.VIRTGPU_RESOURCE_CREATE_BLOB_IOCTL, Abi.VIRTGPU_RESOURCE_CREATE_BLOB.zeroed()
                    .set("blob_mem", request.blobMem()).set("blob_flags", request.blobFlags())
                    .set("size", request.size()), s -> seen(new Handle(s.getInt("bo_handle"))));
        }

        /** No parameters (num_params and ctx_set_params 0). */
        @Override
        public Outcome<Void> virtioGpuContextInit(VirtioGpuIoctl.ContextInit request) {
            return call(Abi.VIRTGPU_CONTEXT_INIT_IOCTL, Abi.VIRTGPU_CONTEXT_INIT.zeroed(), s -> null);
        }

        @Override
        public Outcome<Handle> qxlAlloc(QxlIoctl.Alloc request) {
            return call(Abi.QXL_ALLOC_IOCTL, Abi.QXL_ALLOC.zeroed().set("size", request.size()),
                    s -> seen(new Handle(s.getInt("handle"))));
        }

        @Override
        public Outcome<MmapOffset> qxlMap(QxlIoctl.Map request) {
            return call(Abi.QXL_MAP_IOCTL, Abi.QXL_MAP.zeroed().set("handle", request.handle().value()),
                    s -> new MmapOffset(s.get("offset")));
        }

        /** The kernel writes the value into the struct's u64 {@code value}, not to an address. */
        @Override
        public Outcome<Long> qxlGetParam(QxlIoctl.GetParam request) {
            return call(Abi.QXL_GETPARAM_IOCTL, Abi.QXL_GETPARAM.zeroed().set("param", request.param()),
                    s -> s.get("value"));
        }

        @Override
        public Outcome<RadeonIoctl.GemInfo.Result> radeonGemInfo(RadeonIoctl.GemInfo request) {
            return call(Abi.RADEON_GEM_INFO_IOCTL, Abi.RADEON_GEM_INFO.zeroed(),
                    s -> new RadeonIoctl.GemInfo.Result(s.get("gart_size"), s.get("vram_size"), s.get("vram_visible")));
        }

        @Override
        public Outcome<Handle> radeonGemCreate(RadeonIoctl.GemCreate request) {
            return call(Abi.RADEON_GEM_CREATE_IOCTL, Abi.RADEON_GEM_CREATE.zeroed().set("size", request.size())
                    .set("alignment", request.alignment()).set("initial_domain", request.initialDomain())
                    .set("flags", request.flags()), s -> seen(new Handle(s.getInt("handle"))));
        }

        @Override
        public Outcome<MmapOffset> radeonGemMmap(RadeonIoctl.GemMmap request) {
            return call(Abi.RADEON_GEM_MMAP_IOCTL, Abi.RADEON_GEM_MMAP.zeroed().set("handle", request.handle().value())
                    .set("offset", request.offset()).set("size", request.size()), s -> new MmapOffset(s.get("addr_ptr")));
        }

        @Override
        public Outcome<Handle> radeonGemUserptr(RadeonIoctl.GemUserptr request) {
            return call(Abi.RADEON_GEM_USERPTR_IOCTL, Abi.RADEON_GEM_USERPTR.zeroed().set("addr", request.addr())
                    .set("size", request.size()).set("flags", request.flags()), s -> seen(new Handle(s.getInt("handle"))));
        }

        @Override
        public Outcome<Void> dmaBufSync(DmaBufIoctl.Sync request) {
            return call(Abi.DMA_BUF_IOCTL_SYNC, Abi.DMA_BUF_SYNC.zeroed().set("flags", request.flags()), s -> null);
        }

        /** The ioctl's return value is the new dma-buf's fd. */
        @Override
        public Outcome<Fd> udmabufCreate(UdmabufIoctl.Create request) {
            UdmabufIoctl.Item item = request.item();
            byte[] argument = Abi.UDMABUF_CREATE.zeroed().set("memfd", item.memfd().value())
                    .set("flags", request.flags()).set("offset", item.offset()).set("size", item.size()).bytes();
            return newFile(Abi.UDMABUF_CREATE_IOCTL, argument);
        }

        /**
         * The header and then the items, inline, as the kernel reads them (the request's size is the
         * header's alone). The kernel reads {@code count} items: a count larger than the items given,
         * within the list limit, would make it read past them, so that call is {@link Outcome.Refused}
         * and not sent (the reference device refuses it the same way); a count above the limit is sent,
         * and the kernel answers EINVAL before it reads the list [103].
         */
        @Override
        public Outcome<Fd> udmabufCreateList(UdmabufIoctl.CreateList request) {
            List<UdmabufIoctl.Item> items = request.items();
            int count = request.count();
            if (Integer.compareUnsigned(count, items.size()) > 0
                    && Integer.compareUnsigned(count, UdmabufIoctl.LIST_LIMIT) <= 0) {
                return Outcome.refused("UDMABUF_CREATE_LIST with count " + Integer.toUnsignedString(count) + " and "
                        + items.size() + " items: the kernel would read items that were not given");
            }
            int header = Abi.UDMABUF_CREATE_LIST.size();
            int itemSize = Abi.UDMABUF_CREATE_ITEM.size();
            ByteBuffer argument = ByteBuffer.allocate(header + itemSize * items.size());
            argument.put(Abi.UDMABUF_CREATE_LIST.zeroed().set("flags", request.flags()).set("count", count).bytes());
            for (UdmabufIoctl.Item item : items) {
                argument.put(Abi.UDMABUF_CREATE_ITEM.zeroed().set("memfd", item.memfd().value())
                        .set("offset", item.offset()).set("size", item.size()).bytes());
            }
            return newFile(Abi.UDMABUF_CREATE_LIST_IOCTL, argument.array());
        }

        @Override
        public Outcome<Fd> dmaHeapAlloc(DmaHeapIoctl.Alloc request) {
            return call(Abi.DMA_HEAP_IOCTL_ALLOC, Abi.DMA_HEAP_ALLOCATION_DATA.zeroed().set("len", request.len())
                    .set("fd_flags", request.fdFlags()).set("heap_flags", request.heapFlags()),
                    s -> new Fd(s.getInt("fd")));
        }

        /** Sends the argument bytes to an ioctl whose return value is a new file's fd. */
        private Outcome<Fd> newFile(Abi.IoctlCode ioctl, byte[] argument) {
            return value(agent.ioctl(pid, fd, ioctl.request(), argument), r -> new Fd((int) r.result()));
        }

        @Override
        public Outcome<I915Ioctl.GemCreate.Result> gemCreate(I915Ioctl.GemCreate request) {
            return call(Abi.I915_GEM_CREATE_IOCTL, Abi.I915_GEM_CREATE.zeroed().set("size", request.size()),
                    s -> new I915Ioctl.GemCreate.Result(seen(new Handle(s.getInt("handle"))), s.get("size")));
        }

        /** The bytes land in an anonymous mapping of the process, made for the call and read back after it. */
        @Override
        public Outcome<byte[]> gemPread(I915Ioctl.GemPread request) {
            if (Long.compareUnsigned(request.size(), MAX_TRANSFER) > 0) {
                return Outcome.refused("a pread of " + Long.toUnsignedString(request.size()) + " bytes is more than "
                        + MAX_TRANSFER + " a call carries");
            }
            return withScratch(request.size(), buffer -> {
                Outcome<Void> read = call(Abi.I915_GEM_PREAD_IOCTL, Abi.I915_GEM_PREAD.zeroed()
                        .set("handle", request.handle().value()).set("offset", request.offset())
                        .set("size", request.size()).set("data_ptr", buffer), s -> null);
                return read instanceof Outcome.Ok ? value(agent.readMemory(pid, buffer, request.size()), Reply::data)
                        : read.map(v -> new byte[0]);
            });
        }

        @Override
        public Outcome<Void> gemPwrite(I915Ioctl.GemPwrite request) {
            byte[] data = request.data();
            if (data.length > MAX_TRANSFER) {
                return Outcome.refused("a pwrite of " + data.length + " bytes is more than " + MAX_TRANSFER
                        + " a call carries");
            }
            return withScratch(data.length, buffer -> {
                Reply written = agent.writeMemory(pid, buffer, data);
                if (!written.isOk()) {
                    return nothing(written);
                }
                return call(Abi.I915_GEM_PWRITE_IOCTL, Abi.I915_GEM_PWRITE.zeroed()
                        .set("handle", request.handle().value()).set("offset", request.offset())
                        .set("size", data.length).set("data_ptr", buffer), s -> null);
            });
        }

        /** Runs {@code use} with the address of {@code length} fresh anonymous bytes in the process. */
        private <T> Outcome<T> withScratch(long length, Function<Long, Outcome<T>> use) {
            long pages = Math.max(Mman.PAGE_SIZE, (length + Mman.PAGE_SIZE - 1) / Mman.PAGE_SIZE * Mman.PAGE_SIZE);
            Reply mapped = agent.mmap(pid, 0, pages, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, Fd.NONE, 0);
            if (!mapped.isOk()) {
                return Outcome.refused("no scratch memory for the call in the process: mmap answered " + mapped);
            }
            try {
                return use.apply(mapped.result());
            } finally {
                agent.munmap(pid, mapped.result(), pages);
            }
        }

        @Override
        public Outcome<Integer> vgemFenceAttach(VgemIoctl.FenceAttach request) {
            return call(Abi.VGEM_FENCE_ATTACH_IOCTL, Abi.VGEM_FENCE_ATTACH.zeroed()
                    .set("handle", request.handle().value()).set("flags", request.flags()).set("pad", request.pad()),
                    s -> s.getInt("out_fence"));
        }

        @Override
        public Outcome<Void> vgemFenceSignal(VgemIoctl.FenceSignal request) {
            return call(Abi.VGEM_FENCE_SIGNAL_IOCTL, Abi.VGEM_FENCE_SIGNAL.zeroed().set("fence", request.fence())
                    .set("flags", request.flags()), s -> null);
        }

        @Override
        public Outcome<Void> gemSetDomain(I915Ioctl.GemSetDomain request) {
            return call(Abi.I915_GEM_SET_DOMAIN_IOCTL, Abi.I915_GEM_SET_DOMAIN.zeroed()
                    .set("handle", request.handle().value()).set("read_domains", request.readDomains())
                    .set("write_domain", request.writeDomain()), s -> null);
        }

        @Override
        public Outcome<Void> gemExecbuffer(I915Ioctl.GemExecbuffer request) {
            return Outcome.refused("DRM_IOCTL_I915_GEM_EXECBUFFER2 runs a batch on the GPU, and the spec's"
                    + " objects hold none (it would need MI_BATCH_BUFFER_END): not on the kernel backend");
        }

        @Override
        public Outcome<Handle> gemUserptr(I915Ioctl.GemUserptr request) {
            if (request.ctxId() != 0) {
                return Outcome.refused("drm_i915_gem_userptr has no context field; a ctx id of "
                        + request.ctxId() + " is the 2014 proposal's, not the kernel's");
            }
            return call(Abi.I915_GEM_USERPTR_IOCTL, Abi.I915_GEM_USERPTR.zeroed().set("user_ptr", request.userPtr())
                    .set("user_size", request.userSize()).set("flags", request.flags()),
                    s -> seen(new Handle(s.getInt("handle"))));
        }

        @Override
        public Outcome<MmapOffset> gemMmapGtt(I915Ioctl.GemMmapGtt request) {
            return call(Abi.I915_GEM_MMAP_GTT_IOCTL, Abi.I915_GEM_MMAP_GTT.zeroed()
                    .set("handle", request.handle().value()), s -> new MmapOffset(s.get("offset")));
        }

        @Override
        public Outcome<MmapOffset> gemMmapOffset(I915Ioctl.GemMmapOffset request) {
            return call(Abi.I915_GEM_MMAP_OFFSET_IOCTL, Abi.I915_GEM_MMAP_OFFSET.zeroed()
                    .set("handle", request.handle().value()).set("pad", request.pad()).set("flags", request.flags())
                    .set("extensions", request.extensions()), s -> new MmapOffset(s.get("offset")));
        }

        @Override
        public Outcome<Long> gemMmap(I915Ioctl.GemMmap request) {
            return call(Abi.I915_GEM_MMAP_IOCTL, Abi.I915_GEM_MMAP.zeroed().set("handle", request.handle().value())
                    .set("offset", request.offset()).set("size", request.size()).set("flags", request.flags()),
                    s -> s.get("addr_ptr"));
        }
    }
}
