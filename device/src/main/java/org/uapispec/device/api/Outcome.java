package org.uapispec.device.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a call returned: a value, an errno, or a signal that killed the access. Expected kernel errors
 * travel as values of this type, never as Java exceptions.
 *
 * @param <T> the type of the successful result ({@link Void} for calls that return only 0)
 */
public sealed interface Outcome<T> {

    /** The call succeeded with {@code value} ({@code null} for {@code Outcome<Void>}). */
    record Ok<T>(T value) implements Outcome<T> {
        @Override
        public String toString() {
            return value == null ? "ok" : "ok(" + Describe.value(value) + ")";
        }
    }

    /** The call failed with {@code errno}. */
    record Err<T>(Errno errno) implements Outcome<T> {
        public Err {
            Objects.requireNonNull(errno, "errno");
        }

        @Override
        public String toString() {
            return errno.name();
        }
    }

    /** The CPU access raised {@code signal}. */
    record Sig<T>(Signal signal) implements Outcome<T> {
        public Sig {
            Objects.requireNonNull(signal, "signal");
        }

        @Override
        public String toString() {
            return signal.name();
        }
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static Outcome<Void> ok() {
        return new Ok<>(null);
    }

    static <T> Outcome<T> err(Errno errno) {
        return new Err<>(errno);
    }

    static <T> Outcome<T> sig(Signal signal) {
        return new Sig<>(signal);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The successful value.
     *
     * @throws IllegalStateException if the outcome is an errno or a signal; callers check first
     */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: the call returned " + this);
    }

    /** Maps the successful value; errnos and signals pass through unchanged. */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return (Outcome<U>) this;
    }

    /** Chains a call that runs only when this one succeeded. */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> then(Function<? super T, Outcome<U>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return (Outcome<U>) this;
    }
}
