package org.uapispec.grammar.model;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Text for people (failure messages, reports, test names), built on first use: printing every step
 * of a spec costs more than lowering it, and most compiles show few texts or none.
 *
 * <p>Thread-safe: the engine may run scenarios, and so ask for texts, in parallel. The text is built
 * at most once; then the source is dropped, and with it whatever the source holds (syntax nodes).
 * Two texts are equal when their strings are, which builds both.
 */
public final class DisplayText {
    /** No text: a step outside loops has no row suffix. */
    public static final DisplayText EMPTY = of("");

    private volatile String text;
    /** Builds the text; null once it is built. Guarded by {@code this}. */
    private Supplier<String> source;

    private DisplayText(String text, Supplier<String> source) {
        this.text = text;
        this.source = source;
    }

    /** A text that is already known. */
    public static DisplayText of(String text) {
        return new DisplayText(Objects.requireNonNull(text, "text"), null);
    }

    /** A text that {@code source} builds when it is first asked for. */
    public static DisplayText lazy(Supplier<String> source) {
        return new DisplayText(null, Objects.requireNonNull(source, "source"));
    }

    /** This text followed by {@code suffix}, joined when first asked for. */
    public DisplayText followedBy(DisplayText suffix) {
        return suffix == EMPTY ? this : lazy(() -> toString() + suffix.toString());
    }

    /** The text, built now if it was not yet. */
    @Override
    public String toString() {
        String built = text;
        if (built == null) {
            synchronized (this) {
                built = text;
                if (built == null) {
                    built = Objects.requireNonNull(source.get(), "built text");
                    text = built;
                    source = null;
                }
            }
        }
        return built;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisplayText other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
