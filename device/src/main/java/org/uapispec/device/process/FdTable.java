package org.uapispec.device.process;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.uapispec.api.Fd;
import org.uapispec.device.util.IdAllocator;

/** A process's file descriptors: lowest free number first, from 3 (0 to 2 are stdio). */
public final class FdTable {
    private static final int FIRST_FD = 3;

    private final TreeMap<Integer, OpenFile> files = new TreeMap<>();
    private final IdAllocator numbers;

    public FdTable() {
        this(new IdAllocator(FIRST_FD));
    }

    private FdTable(IdAllocator numbers) {
        this.numbers = numbers;
    }

    /** Installs {@code file} at the lowest free number. */
    public Fd install(OpenFile file) {
        int fd = numbers.allocate();
        file.acquire();
        files.put(fd, file);
        return new Fd(fd);
    }

    public Optional<OpenFile> get(Fd fd) {
        return Optional.ofNullable(files.get(fd.value()));
    }

    /** Removes {@code fd}; false if it was not open. */
    public boolean close(Fd fd) {
        OpenFile file = files.remove(fd.value());
        if (file == null) {
            return false;
        }
        numbers.release(fd.value());
        file.put();
        return true;
    }

    /** The child's table at fork: the same numbers for the same open files. */
    FdTable fork() {
        FdTable child = new FdTable(numbers.copy());
        for (Map.Entry<Integer, OpenFile> e : files.entrySet()) {
            e.getValue().acquire();
            child.files.put(e.getKey(), e.getValue());
        }
        return child;
    }

    /** Closes every fd (exit). */
    void closeAll() {
        for (Integer fd : List.copyOf(files.keySet())) {
            close(new Fd(fd));
        }
    }

    public Map<Integer, OpenFile> view() {
        return Collections.unmodifiableMap(files);
    }
}
