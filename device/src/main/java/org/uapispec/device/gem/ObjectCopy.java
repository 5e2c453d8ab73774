package org.uapispec.device.gem;

import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.device.process.Page;

/** Byte copies into and out of an object's pages, page by page, for pread/pwrite. */
final class ObjectCopy {
    private ObjectCopy() {
    }

    static Outcome<byte[]> read(GemObject object, long offset, int length) {
        byte[] out = new byte[length];
        int done = 0;
        while (done < length) {
            long at = offset + done;
            Outcome<Page> page = object.storage().page(at / Page.SIZE, false);
            if (!page.isOk()) {
                return Outcome.err(Errno.EFAULT);
            }
            int inPage = (int) (at % Page.SIZE);
            int n = Math.min(length - done, Page.SIZE - inPage);
            page.value().read(inPage, out, done, n);
            done += n;
        }
        return Outcome.ok(out);
    }

    static Outcome<Void> write(GemObject object, long offset, byte[] data) {
        int done = 0;
        while (done < data.length) {
            long at = offset + done;
            Outcome<Page> page = object.storage().page(at / Page.SIZE, true);
            if (!page.isOk()) {
                return Outcome.err(Errno.EFAULT);
            }
            int inPage = (int) (at % Page.SIZE);
            int n = Math.min(data.length - done, Page.SIZE - inPage);
            page.value().write(inPage, data, done, n);
            done += n;
        }
        return Outcome.ok();
    }
}
