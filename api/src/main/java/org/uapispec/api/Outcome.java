package org.uapispec.api;

import java.util.Objects;
import java.util.function.Function;

/**
 * What a call returned: a value, an errno, or a signal that killed the access; or, not a kernel
 * answer at all, that the backend could not put the call to the kernel ({@link Refused}). Expected
 * kernel errors travel as values of this type, never as Java exceptions.
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

    /**
     * The backend could not put this call to the kernel: an argument is beyond what it can carry (a
     * transfer longer than {@link Backend#MAX_TRANSFER}). This is not a kernel answer: a step that gets
     * it fails whatever it expected.
     */
    record Refused<T>(String reason) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return "refused: " + reason;
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

    static <T> Outcome<T> refused(String reason) {
        return new Refused<>(reason);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    /**
     * The successful value.
     *
     * @throws IllegalStateException if the outcome is an errno, a signal or a refusal; callers check first
     */
    default T value() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        throw new IllegalStateException("no value: the call returned " + this);
    }

    /** Maps the successful value; errnos, signals and refusals pass through unchanged. */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        return (Outcome<U>) this;
    }

    /** Chains a call that runs only when this one succeeded; anything else passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <U> Outcome<U> then(Function<? super T, Outcome<U>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        return (Outcome<U>) this;
    }
}
