package org.uapispec.device.process;

import org.uapispec.api.Mman;

/**
 * One 4096-byte physical page. Anonymous memory, GEM objects and userptr objects hold references to
 * the same {@code Page} when they share memory, so a byte written through one view is read through
 * every other.
 */
public final class Page {
    public static final int SIZE = (int) Mman.PAGE_SIZE;

    private final byte[] bytes;

    public Page() {
        this.bytes = new byte[SIZE];
    }

    private Page(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new page with the same contents (copy-on-write, fork of private memory). */
    public Page copy() {
        return new Page(bytes.clone());
    }

    public void read(int offset, byte[] dst, int dstOffset, int length) {
        System.arraycopy(bytes, offset, dst, dstOffset, length);
    }

    public void write(int offset, byte[] src, int srcOffset, int length) {
        System.arraycopy(src, srcOffset, bytes, offset, length);
    }
}
