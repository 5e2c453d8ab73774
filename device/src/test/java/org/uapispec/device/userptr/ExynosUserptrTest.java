package org.uapispec.device.userptr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.userptr.Userptrs.PAGE;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.uapispec.device.Machine;
import org.uapispec.api.Errno;
import org.uapispec.api.Handle;
import org.uapispec.api.Mman;
import org.uapispec.device.process.Page;
import org.uapispec.device.profile.Profiles;

/** The 2012 exynos patch (seed 002): pages pinned at creation, PFN ranges only if contiguous, no notifier. */
class ExynosUserptrTest {

    @Test
    @DisplayName("exynos: an unmapped range fails at creation (EFAULT), not at first use")
    void pinnedAtCreation() {
        Model model = new Model(Profiles.EXYNOS_2012);
        long base = model.anon(2);
        UserptrStorage storage = model.storage(model.userptr(base, 2 * PAGE, 0).value());
        assertThat(storage.hasPages()).isTrue();
        Machine.assertOk(model.process.memory().unmap(base, 2 * PAGE));
        Machine.assertErrno(model.userptr(base, 2 * PAGE, 0), Errno.EFAULT);
    }

    @Test
    @DisplayName("exynos: no MMU notifier, so munmap leaves the object its old pages and bytes")
    void noInvalidation() {
        Model model = new Model(Profiles.EXYNOS_2012);
        long base = model.anon(1);
        Machine.assertOk(model.process.memory().write(base, Machine.bytes("old")));
        UserptrStorage storage = model.storage(model.userptr(base, PAGE, 0).value());
        Machine.assertOk(model.process.memory().unmap(base, PAGE));
        model.map(base, 1, new org.uapispec.device.process.AnonMemory(), 0,
                Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS | Mman.MAP_FIXED);
        Machine.assertOk(model.process.memory().write(base, Machine.bytes("new")));
        assertThat(storage.hasPages()).isTrue();
        Machine.assertOk(storage.useOnGpu(model.process));
        byte[] seen = new byte[3];
        storage.page(0, false).value().read(0, seen, 0, 3);
        assertThat(seen).isEqualTo(Machine.bytes("old"));
    }

    @Test
    @DisplayName("exynos: a range inside one VM_PFNMAP mapping is taken by pfn and keeps the mapping's object open")
    void pfnContiguous() {
        Model model = new Model(Profiles.EXYNOS_2012);
        PfnBacking gem = new PfnBacking();
        long base = model.map(0, 4, gem, 10, Mman.MAP_SHARED);
        Page page11 = gem.fault(11, true).value();
        page11.write(0, Machine.bytes("pfn"), 0, 3);
        Handle h = model.userptr(base + PAGE, 2 * PAGE, 0).value();
        UserptrStorage storage = model.storage(h);
        byte[] seen = new byte[3];
        storage.page(0, false).value().read(0, seen, 0, 3);
        assertThat(seen).isEqualTo(Machine.bytes("pfn"));
        assertThat(gem.opens).isEqualTo(2); // the mapping and the driver's copy of the VMA
        Machine.assertOk(model.process.memory().unmap(base, 4 * PAGE));
        assertThat(gem.opens).isEqualTo(1);
        model.device.deleteHandle(model, h);
        assertThat(gem.opens).isZero(); // put_vma
    }

    @Test
    @DisplayName("exynos: a PFN range that runs past its mapping is not physically contiguous: EINVAL")
    void pfnNotContiguous() {
        Model model = new Model(Profiles.EXYNOS_2012);
        long base = model.anon(4);
        PfnBacking gem = new PfnBacking();
        model.map(base + PAGE, 2, gem, 10, Mman.MAP_SHARED | Mman.MAP_FIXED);
        Machine.assertErrno(model.userptr(base + PAGE, 3 * PAGE, 0), Errno.EINVAL);
        Machine.assertErrno(model.userptr(base + 2 * PAGE, 2 * PAGE, 0), Errno.EINVAL);
        assertThat(gem.opens).isEqualTo(1);
    }

    @Test
    @DisplayName("exynos: the size is rounded up to pages and the pointer need not be aligned")
    void roundsUp() {
        Model model = new Model(Profiles.EXYNOS_2012);
        long base = model.anon(2);
        Handle h = model.userptr(base + 100, PAGE + 1, 0).value();
        assertThat(model.handles().lookup(h).orElseThrow().size()).isEqualTo(2 * PAGE);
    }

    @Test
    @DisplayName("exynos: a child process uses the pinned pages too (no mm check)")
    void forkedUse() {
        Model model = new Model(Profiles.EXYNOS_2012);
        long b = model.anon(1);
        UserptrStorage storage = model.storage(model.userptr(b, PAGE, 0).value());
        Machine.assertOk(storage.useOnGpu(model.process.fork(new org.uapispec.api.Pid(2))));
    }
}
