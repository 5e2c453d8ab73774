package org.uapispec.grammar.check;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.uapispec.api.KernelEra;
import org.uapispec.api.ProfileName;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.diag.Diagnostics;

/**
 * The kernel era of a profile key, in an outcome block or a profiles list alike: whether the profile
 * takes one and the era is known, and which eras the key stands for.
 */
final class EraKeys {
    private EraKeys() {
    }

    /** The era of a key with one, or null after reporting why it has none. */
    static KernelEra era(OutcomeClause.ProfileKey key, ProfileName profile, Diagnostics diagnostics) {
        OutcomeClause.Era era = key.era();
        if (!profile.followsKernelEras()) {
            diagnostics.error(key.pos(), "profile '" + profile.text() + "' is an era of its own and takes no '"
                    + era.text() + "'");
            return null;
        }
        Optional<KernelEra> known = KernelEra.byText(era.release());
        if (known.isEmpty()) {
            diagnostics.error(key.pos(), "unknown kernel era '" + era.release() + "' (known: "
                    + String.join(", ", KernelEra.texts()) + ")");
            return null;
        }
        return known.get();
    }

    /** The eras a key stands for: every one without an era, {@code era} alone, or it and every later one. */
    static Set<KernelEra> eras(KernelEra era, boolean onwards) {
        if (era == null) {
            return EnumSet.allOf(KernelEra.class);
        }
        return onwards ? EnumSet.range(era, KernelEra.newest()) : EnumSet.of(era);
    }

    /** {@code 5.10, 6.1}: eras as a message lists them, oldest first. */
    static String texts(Collection<KernelEra> eras) {
        return EnumSet.copyOf(eras).stream().map(KernelEra::text).collect(Collectors.joining(", "));
    }

    /** {@code profile 'generic'} or {@code key 'generic@6.1+'}: a key as a message names it. */
    static String named(OutcomeClause.ProfileKey key) {
        return (key.era() == null ? "profile '" : "key '") + key.text() + "'";
    }
}
