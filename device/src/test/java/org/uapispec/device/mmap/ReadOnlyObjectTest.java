package org.uapispec.device.mmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.uapispec.device.Machine.assertErrno;
import static org.uapispec.device.Machine.assertOk;
import static org.uapispec.device.Machine.assertSignal;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.api.Credentials;
import org.uapispec.api.DrmIoctl;
import org.uapispec.api.Errno;
import org.uapispec.api.Fd;
import org.uapispec.api.Handle;
import org.uapispec.api.I915Ioctl;
import org.uapispec.api.Mman;
import org.uapispec.api.MmapOffset;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.api.Signal;
import org.uapispec.device.dmabuf.PrimeFeature;
import org.uapispec.device.file.DrmDevice;
import org.uapispec.device.file.DrmFile;
import org.uapispec.device.gem.GemObject;
import org.uapispec.device.gem.Storage;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Page;
import org.uapispec.device.process.Process;
import org.uapispec.device.profile.MmapRules;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.reference.DrmFileOperations;

/**
 * Read-only objects through a fake offset [78, 79]. No uAPI call of the modelled profiles yields a
 * mappable read-only object yet (i915's are read-only userptrs, which MMAP_OFFSET refuses [51]), so
 * this test builds the device by hand and gives a file a handle to an object whose storage says
 * {@link Storage#readOnly()}; the mmap rules under test are the same that every object meets.
 */
class ReadOnlyObjectTest {
    private static final long PAGE = Mman.PAGE_SIZE;

    /** A test-only read-only storage with one page that already holds bytes. */
    static final class ReadOnlyStorage implements Storage {
        private final Map<Long, Page> pages = new HashMap<>();

        ReadOnlyStorage(String content) {
            Page page = new Page();
            byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            page.write(0, bytes, 0, bytes.length);
            pages.put(0L, page);
        }

        @Override
        public Outcome<Page> page(long index, boolean write) {
            return Outcome.ok(pages.computeIfAbsent(index, i -> new Page()));
        }

        @Override
        public boolean readOnly() {
            return true;
        }

        @Override
        public String describe() {
            return "read-only test storage";
        }
    }

    /** One device, one process, one file holding a handle to a read-only object. */
    private static final class Rig {
        final DrmDevice device;
        final Process process = new Process(new Pid(1), Credentials.ROOT);
        final DrmFile file;
        final Handle handle;
        final Fd fd;

        Rig(Profile profile) {
            device = new DrmDevice(0, profile, DrmFileOperations.INSTANCE);
            MmapFeature.install(device);
            PrimeFeature.install(device);
            file = device.open(Node.Kind.CARD, Credentials.ROOT);
            fd = process.files().install(file);
            GemObject object = device.gem().newObject(PAGE, new ReadOnlyStorage("read only"));
            handle = device.gem().createHandle(file, object);
        }

        MmapOffset offset() {
            MmapIoctls ioctls = new MmapIoctls(file, process);
            return device.profile().mmap().source() == MmapRules.OffsetSource.MMAP_OFFSET
                    ? ioctls.mmapOffset(new I915Ioctl.GemMmapOffset(handle, I915Ioctl.MmapType.WB)).value()
                    : ioctls.mapDumb(new DrmIoctl.ModeMapDumb(handle)).value();
        }

        /** Syscalls.mmap's steps after its generic checks: the file's answer, then the placement. */
        Outcome<Long> mmap(MmapOffset offset, int prot, int flags) {
            MmapRequest request = new MmapRequest(0, PAGE, prot, flags, fd, offset.value());
            Outcome<OpenFile.Mapping> mapping = new MmapIoctls(file, process).mmapFile(request);
            return mapping.then(m -> (prot & ~m.maxProt()) != 0 ? Outcome.err(Errno.EACCES)
                    : process.memory().map(0, PAGE, prot, m.maxProt(), flags, m.backing(), m.pgoff()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.uapispec.device.mmap.Views#allProfiles")
    @DisplayName("[78] a read-only object: writable mapping EINVAL, read-only mapping works, mprotect to write EACCES")
    void readOnlyObjectRefusesWrite(Profile profile) {
        Rig rig = new Rig(profile);
        MmapOffset offset = rig.offset();
        int rw = Mman.PROT_READ | Mman.PROT_WRITE;

        assertErrno(rig.mmap(offset, rw, Mman.MAP_SHARED), Errno.EINVAL);

        long addr = rig.mmap(offset, Mman.PROT_READ, Mman.MAP_SHARED).value();
        assertOk(rig.process.memory().read(addr, 9)).isEqualTo("read only".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertErrno(rig.process.memory().protect(addr, PAGE, rw), Errno.EACCES);
        assertSignal(rig.process.memory().write(addr, new byte[] {1}), Signal.SIGSEGV);
        assertThat(rig.process.memory().protect(addr, PAGE, Mman.PROT_NONE).isOk()).isTrue();
    }
}
