package org.uapispec.api;

/** A global GEM name from FLINK, valid on every file of the same device. */
public record FlinkName(int value) {
    @Override
    public String toString() {
        return "name " + Integer.toUnsignedString(value);
    }
}
