package org.uapispec.device.profile;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A named set of behaviour for one driver and kernel era. A rule that differs between profiles is
 * written once in the model and reads its switch from here.
 *
 * @param name     the name scenarios use ({@code i915-2014})
 * @param summary  one line for reports
 * @param driver   which driver-private ioctls exist
 * @param follows  the catalogue IDs whose behaviour this profile follows
 *                 ({@code shared/reference/uapi-catalogue.md})
 * @param gem      object creation and DRM core rules
 * @param userptr  userptr rules
 * @param mmap     mmap-offset, device-file mmap and dma-buf rules
 */
public record Profile(String name, String summary, Driver driver, SortedSet<Integer> follows, GemRules gem,
        UserptrRules userptr, MmapRules mmap) {
    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(gem, "gem");
        Objects.requireNonNull(userptr, "userptr");
        Objects.requireNonNull(mmap, "mmap");
        follows = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(follows));
    }

    /** Whether this profile claims to follow catalogue entry {@code id}. */
    public boolean followsEntry(int id) {
        return follows.contains(id);
    }

    @Override
    public String toString() {
        return name;
    }
}
