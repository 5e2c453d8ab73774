package org.uapispec.device.mmap;

import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.AddressSpace;

/**
 * i915_user_extensions(ptr, NULL, 0, data) as MMAP_OFFSET calls it: no extension is defined, so a
 * chain that can be read is EINVAL and one that cannot is EFAULT [60]. The struct is
 * {@code {u64 next_extension; u32 name; u32 flags; u32 rsvd[4]}}, read in the kernel's order: flags
 * and rsvd must be zero (check_user_mbz), then the name is read and refused.
 */
final class UserExtensions {
    private static final int NAME = 8;
    private static final int FLAGS = 12;
    private static final int RSVD = 16;
    private static final int RSVD_LENGTH = 16;

    private UserExtensions() {
    }

    static Outcome<Void> check(AddressSpace memory, long pointer) {
        if (pointer == 0) {
            return Outcome.ok();
        }
        for (long[] field : new long[][] {{FLAGS, 4}, {RSVD, RSVD_LENGTH}, {NAME, 4}}) {
            long at = pointer + field[0];
            Outcome<byte[]> bytes = AddressSpace.accessOk(at, field[1])
                    ? memory.read(at, (int) field[1]) : Outcome.err(Errno.EFAULT);
            if (!bytes.isOk()) {
                return Outcome.err(Errno.EFAULT);
            }
            if (field[0] != NAME && !allZero(bytes.value())) {
                return Outcome.err(Errno.EINVAL); // check_user_mbz
            }
        }
        return Outcome.err(Errno.EINVAL); // no extension name is known
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
