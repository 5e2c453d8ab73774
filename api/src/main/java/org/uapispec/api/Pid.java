package org.uapispec.api;

/** A process, as the backend numbers it. */
public record Pid(int value) {
    @Override
    public String toString() {
        return "pid " + value;
    }
}
