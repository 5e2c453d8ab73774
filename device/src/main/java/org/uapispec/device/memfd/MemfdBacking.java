package org.uapispec.device.memfd;

import org.uapispec.api.Outcome;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;

/**
 * A mapping of a memfd: its shmem pages, SIGBUS at or past the file's size. Shmem pages are ordinary
 * pages, so get_user_pages can pin them. A shared mapping that may write counts against F_SEAL_WRITE.
 */
final class MemfdBacking implements Backing {
    private final MemfdFile file;
    private final boolean countsWritable;

    MemfdBacking(MemfdFile file, boolean countsWritable) {
        this.file = file;
        this.countsWritable = countsWritable;
    }

    @Override
    public Outcome<Page> fault(long index, boolean write) {
        return file.page(index);
    }

    @Override
    public long firstRefused(long first, long count, boolean write) {
        return file.firstRefused(first, count);
    }

    @Override
    public boolean pinnable() {
        return true;
    }

    @Override
    public void open() {
        file.mappingOpened(countsWritable);
    }

    @Override
    public void close() {
        file.mappingClosed(countsWritable);
    }

    @Override
    public String describe() {
        return file.describe();
    }
}
