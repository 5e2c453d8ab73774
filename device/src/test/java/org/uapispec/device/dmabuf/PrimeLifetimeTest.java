package org.uapispec.device.dmabuf;

import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.mmap.Views.PAGE;
import static org.uapispec.device.mmap.Views.RW;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.MmapOffset;
import org.uapispec.device.mmap.Views;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.profile.Profiles;

/**
 * Every holder keeps the object: a handle, a dma-buf fd, a mapping of the object and a mapping of the
 * dma-buf, released in any order [72, 92]. A revoked file probing the object's offset tells the two
 * states apart: EACCES while some holder keeps the object, EINVAL once it is freed [70].
 */
class PrimeLifetimeTest {
    private static final List<String> HOLDERS = List.of("handle", "dma-buf fd", "object mapping", "dma-buf mapping");

    static Stream<Arguments> orders() {
        List<Arguments> all = new ArrayList<>();
        for (Profile profile : List.of(Profiles.GENERIC, Profiles.I915)) {
            permutations(new ArrayList<>(HOLDERS), 0, profile, all);
        }
        return all.stream();
    }

    private static void permutations(List<String> items, int from, Profile profile, List<Arguments> out) {
        if (from == items.size()) {
            out.add(Arguments.of(profile, List.copyOf(items)));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            java.util.Collections.swap(items, from, i);
            permutations(items, from + 1, profile, out);
            java.util.Collections.swap(items, from, i);
        }
    }

    @ParameterizedTest(name = "{0}: release {1}")
    @MethodSource("orders")
    @DisplayName("[92] any release order: the bytes stay readable through what is left, then the offset is EINVAL")
    void anyReleaseOrder(Profile profile, List<String> order) {
        Views v = new Views(profile);
        Fd fd = v.card();
        Fd probe = v.card();
        Handle h = v.filled(fd, "lifetime");
        MmapOffset offset = v.offset(fd, h).value();
        Handle probeHandle = v.open(probe, v.flink(fd, h));
        v.offset(probe, probeHandle).value();
        assertOk(v.close(probe, probeHandle)); // the probe file is revoked but can tell EACCES from EINVAL
        long objectMap = v.map(fd, offset, PAGE, RW).value();
        Fd dmaBuf = v.export(fd, h, DrmIoctl.DRM_RDWR).value();
        long dmaBufMap = v.map(v.root, dmaBuf, 0, PAGE, RW).value();

        for (int i = 0; i < order.size(); i++) {
            switch (order.get(i)) {
                case "handle" -> assertOk(v.close(fd, h));
                case "dma-buf fd" -> assertOk(v.closeFd(dmaBuf));
                case "object mapping" -> assertOk(v.machine.backend.munmap(v.root, objectMap, PAGE));
                default -> assertOk(v.machine.backend.munmap(v.root, dmaBufMap, PAGE));
            }
            if (i < order.size() - 1) {
                assertErrno(v.map(probe, offset, PAGE, RW), Errno.EACCES);
                long survivor = order.subList(0, i + 1).contains("object mapping") ? dmaBufMap : objectMap;
                if (order.subList(0, i + 1).containsAll(List.of("object mapping", "dma-buf mapping"))) {
                    continue; // only a handle or the fd is left: nothing mapped to read through
                }
                assertOk(v.read(survivor, 8)).isEqualTo("lifetime");
            }
        }
        assertErrno(v.map(probe, offset, PAGE, RW), Errno.EINVAL);
    }

    @Test
    @DisplayName("[92] closing the exporting DRM fd leaves an importer in another file working")
    void exporterFileCloseLeavesImporter() {
        Views v = new Views(Profiles.GENERIC);
        Fd exporter = v.card();
        Fd importer = v.card();
        Handle h = v.filled(exporter, "survives");
        Fd dmaBuf = v.export(exporter, h, 0).value();
        Handle imported = v.importFd(importer, dmaBuf).value();
        assertOk(v.closeFd(dmaBuf));
        assertOk(v.closeFd(exporter));

        long addr = v.map(importer, v.offset(importer, imported).value(), PAGE, RW).value();
        assertOk(v.read(addr, 8)).isEqualTo("survives");
    }
}
