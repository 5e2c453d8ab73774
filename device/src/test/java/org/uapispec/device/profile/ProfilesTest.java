package org.uapispec.device.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfilesTest {

    @Test
    void everyProfileExistsByName() {
        assertThat(Profiles.names()).containsExactly(
                "generic", "virtio-gpu", "bochs", "qxl", "cirrus", "radeon", "i915-2014", "i915-2019", "i915", "i915-mmap-forward", "exynos-2012");
        assertThat(Profiles.byName("i915")).contains(Profiles.I915);
        assertThat(Profiles.byName("i915-2015")).isEmpty();
    }

    @Test
    void eachProfileNamesTheCatalogueEntriesItFollows() {
        assertThat(Profiles.GENERIC.follows()).contains(9, 65, 67, 88).doesNotContain(1, 43, 59);
        assertThat(Profiles.I915_2014.followsEntry(43)).isTrue();
        assertThat(Profiles.I915.follows()).contains(1, 45, 59, 69, 99, 109).doesNotContain(12, 23, 48, 100);
        assertThat(Profiles.EXYNOS_2012.follows()).contains(29).doesNotContain(43);
    }

    @Test
    void rulesDifferWhereTheErasDiffer() {
        assertThat(Profiles.I915_2014.userptr()).isNotEqualTo(Profiles.I915.userptr());
        assertThat(Profiles.I915.mmap()).isNotEqualTo(Profiles.I915_MMAP_FORWARD.mmap());
        assertThat(Profiles.I915.userptr()).isEqualTo(Profiles.I915_MMAP_FORWARD.userptr());
    }
}
