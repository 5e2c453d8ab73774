package org.uapispec.device.mmap;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.uapispec.api.Mman;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.gem.ObjectLifecycle;
import org.uapispec.device.gem.ShmemStorage;
import org.uapispec.device.profile.MmapRules;

/**
 * The fake-offset space of one device: every object's nodes, the allocated nodes ordered by first
 * page (the node containing an offset is a floor lookup, O(log n)), and the allow-list bookkeeping
 * that handle events drive [63-73].
 */
final class OffsetSpace implements ObjectLifecycle {
    private final MmapRules rules;
    private final FakeOffsetAllocator allocator = new FakeOffsetAllocator();
    private final TreeMap<Long, OffsetNode> byStart = new TreeMap<>();
    private final Map<GemObject, Map<OffsetType, OffsetNode>> byObject = new HashMap<>();

    private OffsetSpace(DrmDevice device) {
        this.rules = device.profile().mmap();
    }

    /**
     * The device's offset space, registered as a lifecycle listener when first created; it holds the
     * node of the object the driver made for itself at probe, if it makes one, before any other.
     */
    static OffsetSpace of(DrmDevice device) {
        return device.extension(OffsetSpace.class, d -> {
            OffsetSpace space = new OffsetSpace(d);
            d.gem().addListener(space);
            if (space.rules.kernelObjectPages() > 0) {
                GemObject own = d.gem().newObject(space.rules.kernelObjectPages() * Mman.PAGE_SIZE, new ShmemStorage());
                own.get(); // the driver's reference, never dropped
                space.allocate(space.node(own, OffsetType.OBJECT));
            }
            return space;
        });
    }

    /** The object's node of {@code type}, created without an offset on first use. */
    OffsetNode node(GemObject object, OffsetType type) {
        return byObject.computeIfAbsent(object, o -> new EnumMap<>(OffsetType.class))
                .computeIfAbsent(type, t -> new OffsetNode(object, t));
    }

    /** drm_gem_create_mmap_offset / drm_vma_offset_add: gives the node a range once; false if full. */
    boolean allocate(OffsetNode node) {
        if (node.allocated()) {
            return true;
        }
        OptionalLong start = allocator.allocate(node.pages());
        if (start.isEmpty()) {
            return false;
        }
        node.place(start.getAsLong());
        byStart.put(start.getAsLong(), node);
        return true;
    }

    /**
     * drm_vma_offset_lookup_locked: the node whose range spans {@code [pgoff, pgoff + pages)} [74]; with
     * the exact lookup the range must also start at {@code pgoff} [76].
     */
    Optional<OffsetNode> lookup(long pgoff, long pages) {
        Map.Entry<Long, OffsetNode> floor = byStart.floorEntry(pgoff);
        if (floor == null) {
            return Optional.empty();
        }
        OffsetNode node = floor.getValue();
        boolean spans = pages <= node.pages() && pgoff - node.start() <= node.pages() - pages;
        boolean exactEnough = rules.innerLookup() || node.start() == pgoff;
        return spans && exactEnough ? Optional.of(node) : Optional.empty();
    }

    /** Every holder may map on the core path: drm_gem_handle_create_tail allows the file [65]. */
    @Override
    public void handleCreated(GemFile file, GemObject object) {
        if (!rules.perFileOffsets()) {
            node(object, OffsetType.OBJECT).allow(file, false);
        }
    }

    /** drm_vma_node_revoke, and i915_gem_close_object on every mmo node of the object [13, 67]. */
    @Override
    public void handleClosed(GemFile file, GemObject object) {
        Map<OffsetType, OffsetNode> nodes = byObject.get(object);
        if (nodes != null) {
            nodes.values().forEach(node -> node.revoke(file));
        }
    }

    /** drm_gem_free_mmap_offset and the mmo removal: the ranges go back to the allocator [70, 71]. */
    @Override
    public void freed(GemObject object) {
        Map<OffsetType, OffsetNode> nodes = byObject.remove(object);
        if (nodes == null) {
            return;
        }
        for (OffsetNode node : nodes.values()) {
            if (node.allocated()) {
                byStart.remove(node.start());
                allocator.free(node.start(), node.pages());
            }
        }
    }

    MmapRules rules() {
        return rules;
    }
}
