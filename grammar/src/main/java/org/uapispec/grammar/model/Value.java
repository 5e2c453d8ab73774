package org.uapispec.grammar.model;

import java.util.List;
import java.util.Objects;

/**
 * An expression the engine evaluates while a scenario runs: constants are folded to their numbers
 * already, names refer to bindings made by earlier steps. Every value knows its {@link ValueType}.
 */
public sealed interface Value {

    ValueType type();

    /** An integer (or a raw resource number, or an address); {@code text} is how the spec wrote it. */
    record Int(long value, String text, ValueType type) implements Value {
        public Int {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(type, "type");
        }

        public static Int of(long value, String text) {
            return new Int(value, text, ValueType.INT);
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public ValueType type() {
            return ValueType.BOOL;
        }
    }

    record ByteString(Bytes bytes) implements Value {
        @Override
        public ValueType type() {
            return ValueType.BYTES;
        }
    }

    /** The value bound to {@code name} by an earlier step (its primary result). */
    record Ref(String name, ValueType type) implements Value {
    }

    /** A named result field of the step that bound {@code binding}, e.g. {@code size} of gem_create. */
    record Field(String binding, String field, ValueType type) implements Value {
    }

    /** The number of the descriptor a file or dma-buf value is in its process: {@code f.fd}. */
    record DescriptorNumber(Value descriptor) implements Value {
        public DescriptorNumber {
            Objects.requireNonNull(descriptor, "descriptor");
        }

        @Override
        public ValueType type() {
            return ValueType.INT;
        }
    }

    record Unary(Operator op, Value operand, ValueType type) implements Value {
    }

    record Binary(Operator op, Value left, Value right, ValueType type) implements Value {
    }

    /**
     * A list: the handles of an execbuf, the memfds, offsets and sizes of a udmabuf list. Its type is
     * its items': memfds make a list of memfd, a handle a list of handle, ints alone a list of int.
     */
    record ListOf(List<Value> items) implements Value {
        public ListOf {
            items = List.copyOf(items);
        }

        @Override
        public ValueType type() {
            return listOf(items.stream().map(Value::type).toList());
        }

        /** The type of a list whose items have {@code types}. */
        public static ValueType listOf(List<ValueType> types) {
            if (types.contains(ValueType.MEMFD)) {
                return ValueType.MEMFD_LIST;
            }
            return types.contains(ValueType.HANDLE) ? ValueType.HANDLE_LIST : ValueType.INT_LIST;
        }
    }

    /** A side-effect-free question to the backend, e.g. {@code valid(f, h)}. */
    record Observe(Observation observation, List<Value> args) implements Value {
        public Observe {
            args = List.copyOf(args);
        }

        @Override
        public ValueType type() {
            return observation.result();
        }
    }

    /** No fd: the default of mmap's {@code fd} (the backend's {@code Fd.NONE}). */
    record None() implements Value {
        @Override
        public ValueType type() {
            return ValueType.NONE;
        }
    }
}
