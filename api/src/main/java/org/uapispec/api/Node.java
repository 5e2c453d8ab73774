package org.uapispec.api;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A DRM device node: {@code /dev/dri/cardN} or {@code /dev/dri/renderD(128+N)}. The number is part of
 * a path, so any value names a node; one the machine does not have answers ENOENT when opened.
 *
 * @param device index of the device in the backend, from 0
 * @param kind   card (primary) or render node
 */
public record Node(long device, Kind kind) {
    private static final BigInteger FIRST_RENDER_MINOR = BigInteger.valueOf(128);

    public enum Kind {
        /** The primary node: DRM master, authentication, FLINK/OPEN. */
        CARD,
        /** The render node: always authenticated, no FLINK/OPEN. */
        RENDER
    }

    public Node {
        Objects.requireNonNull(kind, "kind");
    }

    public static Node card(long device) {
        return new Node(device, Kind.CARD);
    }

    public static Node render(long device) {
        return new Node(device, Kind.RENDER);
    }

    /** The path the node has on a Linux system. */
    public String path() {
        return kind == Kind.CARD
                ? "/dev/dri/card" + device
                : "/dev/dri/renderD" + BigInteger.valueOf(device).add(FIRST_RENDER_MINOR);
    }

    @Override
    public String toString() {
        return path();
    }
}
