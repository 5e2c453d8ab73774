package org.uapispec.device.userptr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.userptr.Userptrs.PAGE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Mman;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.Backing;
import org.uapispec.device.process.Page;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * 100,000 disjoint userptr objects in one process: creating them goes through the overlap lookup
 * each time, and invalidating one page reaches exactly the one object over it (the notifier tree
 * answers with the k overlapping objects, never a scan). No timing is asserted.
 */
class UserptrScaleTest {
    private static final int OBJECTS = 100_000;
    private static final int MIDDLE = OBJECTS / 2;

    /** Every page is the same zero page, so 100,000 pinned pages cost 4 KiB. */
    private static final class ZeroPages implements Backing {
        private final Page zero = new Page();

        @Override
        public Outcome<Page> fault(long index, boolean write) {
            return Outcome.ok(zero);
        }

        @Override
        public long firstRefused(long first, long count, boolean write) {
            return -1;
        }

        @Override
        public boolean pinnable() {
            return true;
        }

        @Override
        public void open() {
        }

        @Override
        public void close() {
        }

        @Override
        public String describe() {
            return "zero";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.userptr.Userptrs#four")
    @DisplayName("[45, 46] 100,000 disjoint objects; munmap of one page in the middle drops only the object over it")
    void oneInvalidationAmongHundredThousand(Profile profile) {
        Model model = new Model(profile);
        long base = model.map(0, OBJECTS, new ZeroPages(), 0, Mman.MAP_SHARED);
        List<UserptrStorage> storages = new ArrayList<>(OBJECTS);
        for (int i = 0; i < OBJECTS; i++) {
            UserptrStorage storage = model.storage(model.userptr(base + i * PAGE, PAGE, 0).value());
            Machine.assertOk(storage.useOnGpu(model.process));
            storages.add(storage);
        }

        Machine.assertOk(model.process.memory().unmap(base + MIDDLE * PAGE, PAGE));

        List<Integer> withoutPages = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            if (!storages.get(i).hasPages()) {
                withoutPages.add(i);
            }
        }
        if (profile == Profiles.EXYNOS_2012) {
            assertThat(withoutPages).as("exynos has no MMU notifier").isEmpty();
        } else {
            assertThat(withoutPages).containsExactly(MIDDLE);
            assertThat(storages.get(MIDDLE).useOnGpu(model.process).isOk()).isFalse();
            Machine.assertOk(storages.get(MIDDLE + 1).useOnGpu(model.process));
        }
        Outcome<?> overlapping = model.userptr(base + (MIDDLE + 1) * PAGE, 2 * PAGE, 0);
        if (profile == Profiles.I915_2014) {
            Machine.assertErrno(overlapping, Errno.EINVAL);
        } else {
            Machine.assertOk(overlapping);
        }
    }
}
