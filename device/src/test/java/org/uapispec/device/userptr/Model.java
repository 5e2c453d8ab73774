package org.uapispec.device.userptr;

import org.uapispec.api.Credentials;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.HandleTable;
import org.uapispec.device.process.AnonMemory;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.Profile;

/**
 * The userptr model without the backend around it: one GEM device, one process and one handle
 * table, for checks the uAPI cannot observe directly (which object holds pages) and for profiles
 * whose driver lacks execbuffer/pread (exynos).
 */
final class Model implements GemFile {
    final GemDevice device;
    final Process process;
    private final HandleTable handles = new HandleTable();

    Model(Profile profile) {
        this(profile, Credentials.ROOT);
    }

    Model(Profile profile, Credentials credentials) {
        device = new GemDevice(0, profile);
        process = new Process(new Pid(1), credentials);
    }

    @Override
    public HandleTable handles() {
        return handles;
    }

    @Override
    public GemDevice gemDevice() {
        return device;
    }

    Outcome<Handle> userptr(long ptr, long size, int flags) {
        return new UserptrCreator(this, process).create(UserptrRequest.of(new I915Ioctl.GemUserptr(ptr, size, flags)));
    }

    UserptrStorage storage(Handle handle) {
        return (UserptrStorage) handles.lookup(handle).orElseThrow().storage();
    }

    /** Anonymous read-write memory of {@code pages} pages. */
    long anon(long pages) {
        return map(0, pages, new AnonMemory(), 0, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
    }

    /** {@code backing} mapped read-write from page {@code pgoff} with {@code flags}, at {@code addr}. */
    long map(long addr, long pages, Backing backing, long pgoff, int flags) {
        int rw = Mman.PROT_READ | Mman.PROT_WRITE;
        return process.memory().map(addr, pages * Mman.PAGE_SIZE, rw, rw, flags, backing, pgoff).value();
    }
}
