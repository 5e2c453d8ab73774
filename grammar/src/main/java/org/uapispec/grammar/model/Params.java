package org.uapispec.grammar.model;

import java.util.List;

/** Shorthands for writing the call table in {@link Operation}. */
final class Params {
    private Params() {
    }

    static Param req(String name, ValueType... types) {
        return new Param(name, List.of(types), SymbolSpace.NONE, null);
    }

    static Param req(String name, SymbolSpace symbols) {
        return new Param(name, List.of(ValueType.INT), symbols, null);
    }

    static Param opt(String name, long value) {
        return new Param(name, List.of(ValueType.INT), SymbolSpace.NONE, Value.Int.of(value, Long.toString(value)));
    }

    static Param opt(String name, SymbolSpace symbols, String symbol) {
        long value = symbols.lookup(symbol).orElseThrow();
        return new Param(name, List.of(ValueType.INT), symbols, Value.Int.of(value, symbol));
    }

    static Param opt(String name, SymbolSpace symbols, long value) {
        return new Param(name, List.of(ValueType.INT), symbols, Value.Int.of(value, Long.toString(value)));
    }

    static Param opt(String name, ValueType type, Value value) {
        return new Param(name, List.of(type), SymbolSpace.NONE, value);
    }
}
