package org.uapispec.grammar.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter of a call.
 *
 * @param name         the argument name in the language
 * @param types        the types it accepts (see {@link ValueType#acceptsRawInt()} for ints)
 * @param symbols      where symbolic constants given to it are looked up
 * @param defaultValue the value when omitted, or null when the argument is required
 */
public record Param(String name, List<ValueType> types, SymbolSpace symbols, Value defaultValue) {
    public Param {
        Objects.requireNonNull(name, "name");
        types = List.copyOf(types);
        Objects.requireNonNull(symbols, "symbols");
    }

    public boolean required() {
        return defaultValue == null;
    }

    public Optional<Value> defaultIfOmitted() {
        return Optional.ofNullable(defaultValue);
    }

    /**
     * Whether a value of {@code type} can be passed here: an int where a raw number is allowed, and a
     * list of ints where a list of handles or memfds goes (their raw numbers).
     */
    public boolean accepts(ValueType type) {
        return types.contains(type) || type == ValueType.INT && types.stream().anyMatch(ValueType::acceptsRawInt)
                || type == ValueType.INT_LIST && types.stream().anyMatch(ValueType::isList);
    }

    /** The accepted types as written in messages: {@code file or dmabuf}. */
    public String typeText() {
        return String.join(" or ", types.stream().filter(t -> t != ValueType.NONE).map(ValueType::spelling).toList());
    }
}
