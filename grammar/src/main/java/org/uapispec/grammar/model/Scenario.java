package org.uapispec.grammar.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.source.SourcePos;

/**
 * One scenario, ready to run on each of its profiles and, for a profile that follows kernel eras,
 * on each era it names ({@code profiles [generic@6.1+]}).
 *
 * @param selection the profiles it runs on and their eras (its own list, or the spec's)
 * @param tags      the spec's tags followed by its own
 * @param setup     the spec's setup steps, run first
 * @param steps     its own steps, loops expanded
 */
public record Scenario(SourcePos pos, String title, List<String> doc, String description, List<String> tags,
        ProfileSelection selection, List<String> catalogue, List<Step> setup, List<Step> steps) {
    public Scenario {
        Objects.requireNonNull(selection, "selection");
        doc = List.copyOf(doc);
        tags = List.copyOf(tags);
        catalogue = List.copyOf(catalogue);
        setup = List.copyOf(setup);
        steps = List.copyOf(steps);
    }

    /** The profiles it runs on, in the order written, each once. */
    public List<String> profiles() {
        return selection.profiles();
    }

    /**
     * The kernel eras it runs {@code profile} on, oldest first: every era unless its list names some
     * for that profile, none for a profile it does not run on.
     */
    public Set<KernelEra> eras(String profile) {
        return selection.eras(profile);
    }

    /** Whether it runs on {@code profile} answering as {@code era}. */
    public boolean runsOn(String profile, KernelEra era) {
        return selection.runsOn(profile, era);
    }

    /** Setup steps followed by the scenario's own. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>(setup);
        all.addAll(steps);
        return List.copyOf(all);
    }
}
