package org.uapispec.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The layout of one C struct of the kernel's uAPI on x86-64, as the headers declare it: its name
 * ({@code drm_gem_open} for {@code struct drm_gem_open}), its size and its fields. {@code AbiTest}
 * compiles the headers and checks every size and offset here against them.
 */
record Struct(String name, int size, List<Field> fields) {

    /** One member: its name in the header, its offset, and its width in bytes (4 or 8). */
    record Field(String name, int offset, int width) {
    }

    Struct {
        fields = List.copyOf(fields);
    }

    static Struct of(String name, int size, Field... fields) {
        return new Struct(name, size, List.of(fields));
    }

    static Field u32(String name, int offset) {
        return new Field(name, offset, 4);
    }

    static Field u64(String name, int offset) {
        return new Field(name, offset, 8);
    }

    Field field(String name) {
        for (Field field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("struct " + this.name + " has no field " + name);
    }

    /** A zeroed instance, little-endian as x86-64 lays it out. */
    Instance zeroed() {
        return new Instance(ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** The bytes an ioctl handed back, read through this layout. */
    Instance read(byte[] bytes) {
        if (bytes.length != size) {
            throw new IllegalArgumentException("struct " + name + " is " + size + " bytes, got " + bytes.length);
        }
        return new Instance(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** One struct's bytes. */
    final class Instance {
        private final ByteBuffer bytes;

        private Instance(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        /** Stores the low {@code width} bytes of {@code value}: a u32 field takes the C conversion's bits. */
        Instance set(String field, long value) {
            Field f = field(field);
            if (f.width() == 4) {
                bytes.putInt(f.offset(), (int) value);
            } else {
                bytes.putLong(f.offset(), value);
            }
            return this;
        }

        /** A u32 field as an unsigned value, a u64 field as its 64 bits. */
        long get(String field) {
            Field f = field(field);
            return f.width() == 4 ? Integer.toUnsignedLong(bytes.getInt(f.offset())) : bytes.getLong(f.offset());
        }

        /** A 32-bit field as the C int it holds (handles, fds). */
        int getInt(String field) {
            return bytes.getInt(field(field).offset());
        }

        byte[] bytes() {
            return bytes.array().clone();
        }
    }
}
