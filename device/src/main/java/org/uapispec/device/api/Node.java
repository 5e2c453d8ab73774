package org.uapispec.device.api;

/**
 * A DRM device node: {@code /dev/dri/cardN} or {@code /dev/dri/renderD(128+N)}.
 *
 * @param device index of the device in the backend, from 0
 * @param kind   card (primary) or render node
 */
public record Node(int device, Kind kind) {
    public enum Kind {
        /** The primary node: DRM master, authentication, FLINK/OPEN. */
        CARD,
        /** The render node: always authenticated, no FLINK/OPEN. */
        RENDER
    }

    public Node {
        if (device < 0) {
            throw new IllegalArgumentException("device index must not be negative: " + device);
        }
        java.util.Objects.requireNonNull(kind, "kind");
    }

    public static Node card(int device) {
        return new Node(device, Kind.CARD);
    }

    public static Node render(int device) {
        return new Node(device, Kind.RENDER);
    }

    /** The path the node has on a Linux system. */
    public String path() {
        return kind == Kind.CARD ? "/dev/dri/card" + device : "/dev/dri/renderD" + (128 + device);
    }

    @Override
    public String toString() {
        return path();
    }
}
