package org.uapispec.device.process;

import org.uapispec.api.Backend;
import org.uapispec.api.Outcome;

/** The limit on the bytes one call carries ({@link Backend#MAX_TRANSFER}), and the refusal past it. */
public final class Transfer {
    private Transfer() {
    }

    /** Whether {@code length} (unsigned) is more than a backend carries. */
    public static boolean tooLong(long length) {
        return Long.compareUnsigned(length, Backend.MAX_TRANSFER) > 0;
    }

    /** The refusal of a {@code call} that would move {@code length} bytes: not a kernel answer. */
    public static <T> Outcome<T> refused(String call, long length) {
        return Outcome.refused("a " + call + " of " + Long.toUnsignedString(length) + " bytes is more than the "
                + Backend.MAX_TRANSFER + " bytes a backend carries");
    }
}
