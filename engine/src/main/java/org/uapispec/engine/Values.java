package org.uapispec.engine;

import java.util.List;
import java.util.Objects;
import org.uapispec.api.Fd;
import org.uapispec.api.FlinkName;
import org.uapispec.api.Handle;
import org.uapispec.api.Magic;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.Pid;
import org.uapispec.grammar.model.Bytes;

/**
 * Conversions between the interpreter's runtime values and the backend's types. Runtime values are
 * {@code Long} (ints, addresses, offsets), {@code Boolean}, {@code Bytes}, {@code Pid},
 * {@link FileRef}, {@code Handle}, {@code FlinkName}, {@code Magic} and lists of handles; a resource
 * may also arrive as a raw {@code Long} where the spec wrote a number (catalogue 15's bad handles).
 * A raw number becomes a 32-bit resource only if it fits (0 to 0xffffffff, or a negative int as its
 * two's complement; an fd from -2^31 to 2^31 - 1); it is never cut. {@link CallBinder} checks call
 * arguments itself, naming the argument and the ioctl; these conversions serve the observations.
 */
final class Values {
    private Values() {
    }

    static long asLong(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Handle h) {
            return h.unsigned();
        }
        if (value instanceof FlinkName n) {
            return Integer.toUnsignedLong(n.value());
        }
        if (value instanceof Magic m) {
            return Integer.toUnsignedLong(m.value());
        }
        if (value instanceof MmapOffset o) {
            return o.value();
        }
        throw new IllegalArgumentException("not a number: " + value);
    }

    static boolean isNumeric(Object value) {
        return value instanceof Long || value instanceof Handle || value instanceof FlinkName
                || value instanceof Magic || value instanceof MmapOffset;
    }

    static boolean asBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("not a bool: " + value);
    }

    static Handle asHandle(Object value) {
        return value instanceof Handle h ? h : new Handle(narrow(asLong(value), CallBinder.Width.U32, "handle"));
    }

    static Pid asPid(Object value) {
        if (value instanceof Pid p) {
            return p;
        }
        throw new IllegalArgumentException("not a process: " + value);
    }

    static FileRef asFile(Object value) {
        if (value instanceof FileRef f) {
            return f;
        }
        return new FileRef(null, new Fd(narrow(asLong(value), CallBinder.Width.INT, "fd")), 0);
    }

    /** The 32-bit pattern of {@code value}, which must fit {@code width}. */
    private static int narrow(long value, CallBinder.Width width, String what) {
        if (!width.fits(value)) {
            throw new CallBinder.BadArgument("0x" + Long.toHexString(value) + " does not fit the " + width.cName()
                    + " of a " + what);
        }
        return (int) value;
    }

    static Bytes asBytes(Object value) {
        if (value instanceof Bytes b) {
            return b;
        }
        throw new IllegalArgumentException("not bytes: " + value);
    }

    static List<?> asList(Object value) {
        if (value instanceof List<?> items) {
            return items;
        }
        throw new IllegalArgumentException("not a list of handles: " + value);
    }

    /** Equality as the language defines it: resources compare by number, bytes by content. */
    static boolean same(Object a, Object b) {
        if (isNumeric(a) && isNumeric(b)) {
            return asLong(a) == asLong(b);
        }
        return Objects.equals(a, b);
    }

    /** Short printable ASCII, shown as a string literal rather than hex. */
    private static boolean printable(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > 64) {
            return false;
        }
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e || b == '"' || b == '\\') {
                return false;
            }
        }
        return true;
    }

    /** How a value prints in messages. */
    static String show(Object value) {
        if (value instanceof Long l) {
            return l >= 0 && l < 0x10000 ? Long.toString(l) : "0x" + Long.toHexString(l);
        }
        if (value instanceof byte[] bytes) {
            return show(Bytes.of(bytes));
        }
        if (value instanceof Bytes bytes && printable(bytes.toArray())) {
            return "\"" + new String(bytes.toArray(), java.nio.charset.StandardCharsets.US_ASCII) + "\"";
        }
        return String.valueOf(value);
    }
}
