package org.uapispec.api;

/** A fake offset to pass to mmap on a DRM file; page aligned when it comes from the kernel. */
public record MmapOffset(long value) {
    /** This offset moved by {@code bytes}, for partial and bad-offset mappings. */
    public MmapOffset plus(long bytes) {
        return new MmapOffset(value + bytes);
    }

    @Override
    public String toString() {
        return "offset 0x" + Long.toHexString(value);
    }
}
