package org.uapispec.device.random;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the test itself knows of the machine, kept only from the calls it made and their answers (never
 * from the model's internals): processes and their fd tables, open DRM files and their handles, GEM
 * objects with the buffer their bytes live in, flink names, and the mappings through which a buffer's
 * bytes can be read. It is deliberately small: whatever it cannot follow exactly (userptr pages,
 * private copies, stale offsets) it does not claim to know.
 */
final class Shadow {
    /** fd numbers start at 3: the model's processes have no stdio, but 0-2 stay reserved for it. */
    static final int FIRST_FD = 3;

    /** The bytes of one storage: a GEM object, or the exporter's object behind every import of it. */
    static final class Buffer {
    }

    /**
     * A GEM object on one device. {@code buffer} is null where the shadow does not follow the bytes
     * (userptr objects: their pages are the process's, pinned and dropped as the MMU notifier says);
     * {@code origin} is the exporter's object when this one was imported from another device.
     */
    static final class Obj {
        /** The size of a userptr object, which the driver may round (exynos) and the test does not follow. */
        static final long UNKNOWN_SIZE = -1;

        final int device;
        final long size;
        final Buffer buffer;
        final Obj origin;
        int handles;
        int name;

        Obj(int device, long size, Buffer buffer, Obj origin) {
            this.device = device;
            this.size = size;
            this.buffer = buffer;
            this.origin = origin;
        }

        static Obj created(int device, long size) {
            return new Obj(device, size, new Buffer(), null);
        }

        /** The object whose storage this one shows: the exporter's for an import, else itself. */
        Obj root() {
            return origin != null ? origin : this;
        }

        /** Whether the bytes of {@code other} are the bytes of this object. */
        boolean sameBytes(Obj other) {
            return root() == other.root();
        }
    }

    /** Anything an fd can name. */
    interface Open {
    }

    /**
     * An open DRM file (one struct file, shared by fork): its handle table, and whether it is surely
     * authenticated (a card node opened with CAP_SYS_ADMIN: "root is always authenticated" [25]).
     */
    static final class DrmFile implements Open {
        final int device;
        final boolean render;
        final boolean authenticated;
        final TreeMap<Integer, Obj> handles = new TreeMap<>();
        int fds;

        DrmFile(int device, boolean render, boolean authenticated) {
            this.device = device;
            this.render = render;
            this.authenticated = authenticated;
        }
    }

    /** A dma-buf fd: the object whose bytes it shows and which a same-device import returns. */
    record DmaBuf(Obj exporter) implements Open {
    }

    /** A shared mapping whose bytes are {@code buffer}'s from {@code bufferOffset}. */
    record View(long addr, long length, Obj object, long bufferOffset, boolean writable) {
        boolean overlaps(long start, long end) {
            return Long.compareUnsigned(addr, end) < 0 && Long.compareUnsigned(start, addr + length) < 0;
        }
    }

    static final class Proc {
        final int pid;
        boolean alive = true;
        boolean admin;
        final TreeMap<Integer, Open> fds = new TreeMap<>();
        final List<View> views = new ArrayList<>();

        Proc(int pid) {
            this.pid = pid;
        }
    }

    /** The live processes, and the last few that exited (older ones are forgotten: they answer alike). */
    final List<Proc> alive = new ArrayList<>();
    final List<Proc> exited = new ArrayList<>();
    /** Per device, the live flink names (idr with base 1, lowest free first). */
    final List<TreeMap<Integer, Obj>> names = new ArrayList<>();

    Shadow(int devices) {
        for (int i = 0; i < devices; i++) {
            names.add(new TreeMap<>());
        }
    }

    /** The smallest number at or above {@code base} that {@code used} does not hold: idr_alloc, get_unused_fd. */
    static int lowestFree(TreeMap<Integer, ?> used, int base) {
        int n = base;
        for (Integer key : used.tailMap(base, true).keySet()) {
            if (key != n) {
                break;
            }
            n++;
        }
        return n;
    }

    Proc spawned(int pid, boolean admin) {
        Proc proc = new Proc(pid);
        proc.admin = admin;
        alive.add(proc);
        return proc;
    }

    /** fork: the same credentials, the same open files at the same numbers, and the shared mappings. */
    Proc forked(Proc parent, int pid) {
        Proc child = spawned(pid, parent.admin);
        parent.fds.forEach((fd, open) -> install(child, fd, open));
        child.views.addAll(parent.views);
        return child;
    }

    void install(Proc proc, int fd, Open open) {
        proc.fds.put(fd, open);
        if (open instanceof DrmFile file) {
            file.fds++;
        }
    }

    /** close(2): the file goes with its last fd, and its handles with it [16]. */
    void close(Proc proc, int fd) {
        Open open = proc.fds.remove(fd);
        if (open instanceof DrmFile file && --file.fds == 0) {
            for (Obj obj : List.copyOf(file.handles.values())) {
                dropHandle(obj);
            }
            file.handles.clear();
        }
    }

    void exited(Proc proc) {
        for (Integer fd : List.copyOf(proc.fds.keySet())) {
            close(proc, fd);
        }
        proc.views.clear();
        proc.alive = false;
        alive.remove(proc);
        if (exited.size() == 16) {
            exited.remove(0);
        }
        exited.add(proc);
    }

    void addHandle(DrmFile file, int handle, Obj obj) {
        file.handles.put(handle, obj);
        obj.handles++;
    }

    void removeHandle(DrmFile file, int handle) {
        dropHandle(file.handles.remove(handle));
    }

    /** The name goes with the object's last handle, whatever else holds the object [22]. */
    private void dropHandle(Obj obj) {
        if (--obj.handles == 0 && obj.name != 0) {
            names.get(obj.device).remove(obj.name);
            obj.name = 0;
        }
    }

    /** Remembers a view; a process keeps its last 32, so that checks stay cheap in long runs. */
    static void addView(Proc proc, View view) {
        if (proc.views.size() == 32) {
            proc.views.remove(0);
        }
        proc.views.add(view);
    }

    /**
     * Forgets the views of {@code proc} that touch {@code length} bytes from {@code start} (munmap,
     * MAP_FIXED, mprotect, whether they succeeded or not: a failed mprotect may have changed some).
     */
    static void forgetViews(Proc proc, long start, long length) {
        long end = start + length;
        long last = Long.compareUnsigned(end, start) < 0 ? -1L : end;
        proc.views.removeIf(view -> view.overlaps(start, last));
    }
}
