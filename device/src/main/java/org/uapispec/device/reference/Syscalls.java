package org.uapispec.device.reference;

import org.uapispec.device.api.Errno;
import org.uapispec.device.api.Mman;
import org.uapispec.device.api.MmapRequest;
import org.uapispec.device.api.Outcome;
import org.uapispec.device.process.AddressSpace;
import org.uapispec.device.process.AnonMemory;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/** mmap(2)'s argument checks (ksys_mmap_pgoff and do_mmap), before the file or memory is asked. */
final class Syscalls {
    private static final int MAP_TYPE = Mman.MAP_SHARED | Mman.MAP_PRIVATE;

    Outcome<Long> mmap(Process caller, MmapRequest request) {
        if (request.offset() % Mman.PAGE_SIZE != 0 || request.length() == 0) {
            return Outcome.err(Errno.EINVAL);
        }
        int type = request.flags() & MAP_TYPE;
        if (type != Mman.MAP_SHARED && type != Mman.MAP_PRIVATE) {
            return Outcome.err(Errno.EINVAL);
        }
        if (request.length() < 0 || request.length() > AddressSpace.TASK_SIZE) {
            return Outcome.err(Errno.ENOMEM);
        }
        long length = (request.length() + Mman.PAGE_SIZE - 1) & -Mman.PAGE_SIZE;
        int all = Mman.PROT_READ | Mman.PROT_WRITE | Mman.PROT_EXEC;
        if ((request.flags() & Mman.MAP_ANONYMOUS) != 0) {
            return caller.memory().map(request.addr(), length, request.prot(), all, request.flags(),
                    new AnonMemory(), 0);
        }
        OpenFile file = caller.files().get(request.fd()).orElse(null);
        if (file == null) {
            return Outcome.err(Errno.EBADF);
        }
        boolean sharedWrite = type == Mman.MAP_SHARED && (request.prot() & Mman.PROT_WRITE) != 0;
        if (sharedWrite && !file.writable()) {
            return Outcome.err(Errno.EACCES);
        }
        return file.mmap(caller, request).then(mapping -> {
            if ((request.prot() & ~mapping.maxProt()) != 0) {
                return Outcome.err(Errno.EACCES);
            }
            return caller.memory().map(request.addr(), length, request.prot(), mapping.maxProt(),
                    request.flags(), mapping.backing(), mapping.pgoff());
        });
    }
}
