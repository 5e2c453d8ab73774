package org.uapispec.device.random;

import static org.uapispec.device.random.Run.expect;
import static org.uapispec.device.random.Run.pid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Outcome;
import org.uapispec.device.profile.Driver;

/**
 * Bytes are equal through every view of one object: after a write through one view (pwrite, a CPU
 * store into a shared mapping), the same bytes read back through others: a shared mapping of the
 * object, of a dma-buf of it or of an import of it, and GEM_PREAD through any handle to it, an
 * flink alias in another file too [5, 17, 72, 92, 94].
 */
final class Bytes {
    /** How many other views each write is read back through. */
    private static final int READERS = 3;
    /** How many processes are searched for handles to read through. */
    private static final int SEARCHED = 4;

    private final Run run;
    private final Pick pick;

    Bytes(Run run) {
        this.run = run;
        this.pick = run.pick;
    }

    /** {@code data} was written at {@code offset} of {@code obj}'s bytes, through {@code writer} if a view. */
    void verify(Shadow.Obj obj, long offset, byte[] data, Shadow.View writer) {
        if (obj.buffer == null) {
            return;
        }
        List<Runnable> readers = new ArrayList<>();
        List<Shadow.Proc> alive = run.shadow.alive;
        for (Shadow.Proc proc : alive) {
            for (Shadow.View view : proc.views) {
                if (view != writer && view.object().sameBytes(obj) && covers(view, offset, data.length)) {
                    readers.add(() -> readView(proc, view, offset, data));
                }
            }
        }
        for (int i = 0; i < SEARCHED && !alive.isEmpty(); i++) {
            Shadow.Proc proc = pick.of(alive);
            for (Map.Entry<Integer, Shadow.Open> fd : proc.fds.entrySet()) {
                if (fd.getValue() instanceof Shadow.DrmFile file && hasPread(file)) {
                    file.handles.forEach((handle, other) -> {
                        if (other.origin == null && other.sameBytes(obj)) {
                            readers.add(() -> pread(proc, fd.getKey(), handle, offset, data));
                        }
                    });
                }
            }
        }
        for (int i = 0; i < READERS && !readers.isEmpty(); i++) {
            readers.remove(pick.below(readers.size())).run();
        }
    }

    private void readView(Shadow.Proc proc, Shadow.View view, long offset, byte[] data) {
        long at = view.addr() + (offset - view.bufferOffset());
        Outcome<byte[]> read = run.call(proc, "readback(0x" + Long.toHexString(at) + ", " + data.length + ") through a view",
                () -> run.backend.read(pid(proc), at, data.length));
        expect(read.isOk() && Arrays.equals(read.value(), data),
                "a view at 0x%x of the object must show the %d bytes just written at offset %d, got %s",
                view.addr(), data.length, offset, read);
    }

    private void pread(Shadow.Proc proc, int fd, int handle, long offset, byte[] data) {
        I915Ioctl.GemPread request = new I915Ioctl.GemPread(new Handle(handle), offset, data.length);
        Outcome<byte[]> read = run.call(proc, "readback GEM_PREAD on fd " + fd + ": " + request,
                () -> run.backend.ioctl(pid(proc), new Fd(fd), request));
        expect(read.isOk() && Arrays.equals(read.value(), data),
                "GEM_PREAD of handle %d on fd %d must give the %d bytes just written at offset %d, got %s",
                handle, fd, data.length, offset, read);
    }

    /** Only i915 has pread, and only device 0 follows the run's profile (device 1 is generic). */
    private boolean hasPread(Shadow.DrmFile file) {
        return file.device == 0 && run.profile.driver() == Driver.I915;
    }

    private static boolean covers(Shadow.View view, long offset, long length) {
        return view.bufferOffset() <= offset && offset + length <= view.bufferOffset() + view.length();
    }
}
