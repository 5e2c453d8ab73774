package org.uapispec.linux;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.api.Fd;
import org.uapispec.api.Mman;
import org.uapispec.api.Pid;

/**
 * Which DRM driver answers at which node of a machine: the card and render node of each driver by
 * the name {@code DRM_IOCTL_VERSION} gives ({@code vgem}, {@code virtio_gpu}, ...). Card numbers
 * follow the order the drivers probed in, which a spec cannot know: a backend for one driver maps
 * the spec's device 0 to that driver's nodes.
 */
public final class DriverNodes {
    /** A driver's primary node and its render node (null for drivers without one). */
    public record Nodes(String card, String render) {
    }

    private static final int MAX_CARDS = 16;
    private static final int FIRST_RENDER_MINOR = 128;
    private static final long O_RDWR = 2;
    private static final long PAGE = 4096;

    private final Map<String, Nodes> byDriver;

    private DriverNodes(Map<String, Nodes> byDriver) {
        this.byDriver = Map.copyOf(byDriver);
    }

    /** Asks every card and render node of the machine its driver's name, from a process of its own. */
    public static DriverNodes scan(AgentClient agent) {
        Pid process = new Pid((int) agent.spawn().result());
        try {
            long buffer = agent.mmap(process, 0, PAGE, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, Fd.NONE, 0).result();
            Map<String, String> cards = new HashMap<>();
            Map<String, String> renders = new HashMap<>();
            for (int n = 0; n < MAX_CARDS; n++) {
                String card = "/dev/dri/card" + n;
                name(agent, process, card, buffer).ifPresent(name -> cards.putIfAbsent(name, card));
                String render = "/dev/dri/renderD" + (FIRST_RENDER_MINOR + n);
                name(agent, process, render, buffer).ifPresent(name -> renders.putIfAbsent(name, render));
            }
            Map<String, Nodes> byDriver = new HashMap<>();
            cards.forEach((name, card) -> byDriver.put(name, new Nodes(card, renders.get(name))));
            return new DriverNodes(byDriver);
        } finally {
            agent.exit(process);
        }
    }

    /**
     * The names a driver has in DRM_IOCTL_VERSION, by the name the backend asks for: bochs's
     * DRIVER_NAME is "bochs-drm" (in every era here; "bochs" is looked for too), cirrus is
     * "cirrus-qemu" in Debian's 7.2 (drivers/gpu/drm/tiny/cirrus-qemu.c, renamed after 6.14).
     */
    private static final Map<String, List<String>> NAMES = Map.of(
            "bochs", List.of("bochs", "bochs-drm"),
            "cirrus", List.of("cirrus", "cirrus-qemu"));

    /** The nodes of {@code driver}, under any of the names it has had. */
    public Optional<Nodes> of(String driver) {
        for (String name : NAMES.getOrDefault(driver, List.of(driver))) {
            Nodes nodes = byDriver.get(name);
            if (nodes != null) {
                return Optional.of(nodes);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that the machine named {@code machine} has a node of each of {@code drivers}.
     *
     * @throws java.io.IOException naming the first driver it lacks and the drivers it has
     */
    void require(List<String> drivers, String machine) throws java.io.IOException {
        for (String driver : drivers) {
            if (of(driver).isEmpty()) {
                throw new java.io.IOException(machine + " has no DRM node of driver " + driver + " (it has " + drivers()
                        + ")");
            }
        }
    }

    /** Every driver's name. */
    public java.util.Set<String> drivers() {
        return byDriver.keySet();
    }

    /** The driver name of the node at {@code path}, empty when there is no such node. */
    private static Optional<String> name(AgentClient agent, Pid process, String path, long buffer) {
        Reply open = agent.open(process, path, O_RDWR, 0);
        if (!open.isOk()) {
            return Optional.empty();
        }
        Fd fd = new Fd((int) open.result());
        try {
            Struct.Instance version = Abi.DRM_VERSION.zeroed().set("name_len", PAGE).set("name", buffer);
            Reply reply = agent.ioctl(process, fd, Abi.VERSION.request(), version.bytes());
            if (!reply.isOk()) {
                return Optional.empty();
            }
            long length = Abi.DRM_VERSION.read(reply.data()).get("name_len");
            return Optional.of(new String(agent.readMemory(process, buffer, length).data(), StandardCharsets.US_ASCII));
        } finally {
            agent.close(process, fd);
        }
    }
}
