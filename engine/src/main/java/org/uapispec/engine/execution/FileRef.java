package org.uapispec.engine.execution;

import org.uapispec.device.api.Fd;
import org.uapispec.device.api.Pid;

/** A file or dma-buf binding: the fd and the process that got it, which observations run in. */
record FileRef(Pid owner, Fd fd) {
    /** mmap's "no fd" default. */
    static final FileRef NONE = new FileRef(null, Fd.NONE);

    @Override
    public String toString() {
        return fd.toString();
    }
}
