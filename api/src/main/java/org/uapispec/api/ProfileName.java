package org.uapispec.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The profiles a spec may name: which driver and kernel era a backend answers as. This is their
 * identity only, shared by every stage; what each one does is the reference device's
 * ({@code org.uapispec.device.profile.Profiles}), and which drivers a kernel runs it on the kernel
 * backend's ({@code org.uapispec.linux.KernelMachine#driversOf}).
 * Declared in the order reports list them: the DRM core first, then each driver by era.
 */
public enum ProfileName {
    /** The DRM core as vgem implements it today. */
    GENERIC("generic", true),
    /** virtio-gpu without virgl: shmem objects, 2D resources on the host. */
    VIRTIO_GPU("virtio-gpu", true),
    /** bochs, QEMU's standard VGA: VRAM helpers, then shmem helpers. */
    BOCHS("bochs", true),
    /** qxl, QEMU's paravirtual display: TTM objects in the device's memory. */
    QXL("qxl", true),
    /** cirrus, QEMU's emulated Cirrus Logic card: shmem helpers. */
    CIRRUS("cirrus", true),
    /** radeon on QEMU's ati-vga as an RV100 (Radeon 7000), without its CP firmware: TTM objects, userptr. */
    RADEON("radeon", true),
    /** i915 at Linux 3.16: userptr as first merged, legacy GTT mmap. */
    I915_2014("i915-2014", false),
    /** i915 from Linux 5.5 to 5.12: MMAP_OFFSET, per-file offsets. */
    I915_2019("i915-2019", false),
    /** Today's mainline i915. */
    I915("i915", true),
    /** Today's i915 with the 2023 dma-buf mmap-forwarding RFC. */
    I915_MMAP_FORWARD("i915-mmap-forward", true),
    /** Exynos with the userptr patch under review in 2012. */
    EXYNOS_2012("exynos-2012", false);

    private static final List<String> TEXTS = Arrays.stream(values()).map(ProfileName::text).toList();
    /** Every profile by the name a spec writes: each scenario's profiles are looked up here. */
    private static final Map<String, ProfileName> BY_TEXT = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProfileName::text, Function.identity()));

    private final String text;
    private final boolean followsKernelEras;

    ProfileName(String text, boolean followsKernelEras) {
        this.text = text;
        this.followsKernelEras = followsKernelEras;
    }

    /**
     * Whether the profile answers as each {@link KernelEra} does, so that a spec may name an era in
     * its outcome keys ({@code generic@6.1+}): the profiles of today's drivers. A profile named after
     * a past era ({@code i915-2014}, Linux 3.16) is that era and takes none.
     */
    public boolean followsKernelEras() {
        return followsKernelEras;
    }

    /**
     * The profile of device 1, the second device a scenario opens ({@code open(p, device: 1)}) to
     * import from: the DRM core, except for the DRM core itself, whose second device is virtio-gpu (a
     * kernel has one vgem). The kernel backend binds the same pair.
     */
    public ProfileName secondDevice() {
        return this == GENERIC ? VIRTIO_GPU : GENERIC;
    }

    /** The name as a spec writes it: {@code i915-2014}. */
    public String text() {
        return text;
    }

    /** Every name as a spec writes it, in declaration order. */
    public static List<String> texts() {
        return TEXTS;
    }

    /** The profile a spec calls {@code text}, if there is one. */
    public static Optional<ProfileName> byText(String text) {
        return Optional.ofNullable(BY_TEXT.get(text));
    }

    @Override
    public String toString() {
        return text;
    }
}
