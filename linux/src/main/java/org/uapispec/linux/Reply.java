package org.uapispec.linux;

import java.util.Optional;
import org.uapispec.api.Errno;
import org.uapispec.api.Signal;

/**
 * The agent's answer to one request: what the kernel returned. {@code result} is the syscall's
 * value, or {@code -errno} as the kernel returns it (-4095 to -1), or, when {@code signalNumber} is not
 * 0, the address of the page whose access raised that signal. {@code data} are the bytes the
 * operation returns (memory read, ioctl argument after the call, kernel log, kernel pid).
 */
public record Reply(int id, long result, int signalNumber, byte[] data) {
    private static final long MAX_ERRNO = 4095;

    public Reply {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** Whether the kernel answered an error number rather than a value. */
    public boolean isError() {
        return signalNumber == 0 && result < 0 && result >= -MAX_ERRNO;
    }

    /** The positive errno, or 0 when the call did not fail. */
    public int errnoNumber() {
        return isError() ? (int) -result : 0;
    }

    /** The errno, when the call failed with one that {@link Errno} names. */
    public Optional<Errno> errno() {
        return isError() ? Errno.byNumber(errnoNumber()) : Optional.empty();
    }

    /** The signal, when the memory access faulted with one that {@link Signal} names. */
    public Optional<Signal> signal() {
        for (Signal s : Signal.values()) {
            if (s.number() == signalNumber) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Neither an errno nor a signal. */
    public boolean isOk() {
        return signalNumber == 0 && !isError();
    }

    @Override
    public String toString() {
        if (signalNumber != 0) {
            return signal().map(Enum::name).orElse("signal " + signalNumber) + " at 0x" + Long.toHexString(result);
        }
        if (isError()) {
            return errno().map(Enum::name).orElse("errno " + errnoNumber());
        }
        return "ok(" + result + (data.length == 0 ? "" : ", " + data.length + " bytes") + ")";
    }
}
