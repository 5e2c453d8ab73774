package org.uapispec.engine;

import org.uapispec.api.Fd;
import org.uapispec.api.Pid;

/**
 * A file or dma-buf binding: the fd, the process that got it, and when (on the run's {@link Lineage}
 * clock), so that observations can find a process that still holds it.
 */
record FileRef(Pid owner, Fd fd, long openedAt) {
    /** mmap's "no fd" default. */
    static final FileRef NONE = new FileRef(null, Fd.NONE, 0);

    @Override
    public String toString() {
        return fd.toString();
    }
}
