package org.uapispec.api;

/** A DRM authentication token from GET_MAGIC. */
public record Magic(int value) {
    @Override
    public String toString() {
        return "magic " + Integer.toUnsignedString(value);
    }
}
