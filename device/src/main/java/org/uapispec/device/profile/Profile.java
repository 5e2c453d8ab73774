package org.uapispec.device.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.uapispec.api.KernelEra;

/**
 * A named set of behaviour for one driver and kernel era. A rule that differs between profiles is
 * written once in the model and reads its switch from here.
 *
 * @param name     the name scenarios use ({@code i915-2014})
 * @param summary  one line for reports
 * @param driver   which driver-private ioctls exist
 * @param follows  the catalogue IDs whose behaviour this profile follows
 *                 (the {@code catalogue} module's {@code catalogue.json})
 * @param gem      object creation and DRM core rules
 * @param userptr  userptr rules
 * @param mmap     mmap-offset, device-file mmap and dma-buf rules
 * @param system   what the machine's kernel has beside DRM (memfd, udmabuf, dma-heaps)
 * @param history  how the profile answered before each of its changes that the kernel eras span: the
 *                 rules above are the newest era's ({@link KernelEra#newest()}), and {@link #at}
 *                 undoes the changes an older era had not seen yet
 */
public record Profile(String name, String summary, Driver driver, SortedSet<Integer> follows, GemRules gem,
        UserptrRules userptr, MmapRules mmap, SystemRules system, List<Change> history) {

    /**
     * A change of the driver's answers that landed between two kernel eras, with the commit that made
     * it: eras before {@code since} answer as {@code before} makes the rules of the eras after it.
     *
     * @param since  the first era with the change
     * @param why    the commit or source lines behind it, for whoever reads the model
     * @param before the rules of the era just before the change, from those of the era just after
     */
    public record Change(KernelEra since, String why, UnaryOperator<Profile> before) {
        public Change {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(before, "before");
        }
    }

    /** A profile whose answers do not change across the kernel eras. */
    public Profile(String name, String summary, Driver driver, SortedSet<Integer> follows, GemRules gem,
            UserptrRules userptr, MmapRules mmap, SystemRules system) {
        this(name, summary, driver, follows, gem, userptr, mmap, system, List.of());
    }

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(gem, "gem");
        Objects.requireNonNull(userptr, "userptr");
        Objects.requireNonNull(mmap, "mmap");
        Objects.requireNonNull(system, "system");
        follows = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(follows));
        List<Change> newestFirst = new ArrayList<>(history);
        newestFirst.sort(Comparator.comparing(Change::since).reversed());
        history = List.copyOf(newestFirst);
    }

    /**
     * The profile as the driver answered in {@code era}: the changes since then undone, newest first.
     * Its name stays the profile's; it has no history of its own.
     */
    public Profile at(KernelEra era) {
        Profile answered = new Profile(name, summary, driver, follows, gem, userptr, mmap, system, List.of());
        for (Change change : history) {
            if (!era.atLeast(change.since())) {
                answered = change.before().apply(answered);
            }
        }
        return answered;
    }

    /** This profile with other mmap rules. */
    public Profile withMmap(MmapRules rules) {
        return new Profile(name, summary, driver, follows, gem, userptr, rules, system, history);
    }

    /** This profile answering as another driver (the same driver under an older name). */
    public Profile withDriver(Driver other) {
        return new Profile(name, summary, other, follows, gem, userptr, mmap, system, history);
    }

    /** This profile with other GEM rules. */
    public Profile withGem(GemRules rules) {
        return new Profile(name, summary, driver, follows, rules, userptr, mmap, system, history);
    }

    /** This profile on a kernel with other {@link SystemRules}. */
    public Profile withSystem(SystemRules rules) {
        return new Profile(name, summary, driver, follows, gem, userptr, mmap, rules, history);
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
