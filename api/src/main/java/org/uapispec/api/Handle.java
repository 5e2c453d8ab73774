package org.uapispec.api;

/**
 * A GEM handle: a u32 in one DRM file's handle table. Any 32-bit pattern can be passed (scenarios
 * probe {@code 0xdeadbeef} and high bits); {@link #unsigned()} gives the value as the kernel sees it.
 */
public record Handle(int value) {
    public long unsigned() {
        return Integer.toUnsignedLong(value);
    }

    @Override
    public String toString() {
        return "handle " + Integer.toUnsignedString(value);
    }
}
