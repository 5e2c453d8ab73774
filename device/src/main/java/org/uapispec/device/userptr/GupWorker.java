package org.uapispec.device.userptr;

import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;

/**
 * The gup worker of a userptr object, as in the seed's {@code i915_gem_userptr_get_pages} and
 * {@code __i915_gem_userptr_get_pages_worker} (and K-UP-510 up to 5.12) [43, 44, 56], made
 * deterministic. In the kernel, a first use whose fast gup cannot pin every page queues a worker and
 * answers EAGAIN; "userspace will keep on repeating the operation (thanks to EAGAIN) until either we
 * hit the fast path or the worker completes". The model lets the worker run to its end just before
 * the next call that looks at the object (its next use, or an overlapping creation that answered
 * EAGAIN because of it), so:
 * <ul>
 *   <li>pending: from the use that answered EAGAIN to that next call ({@code obj->userptr.workers});</li>
 *   <li>an invalidation while pending cancels it ({@code obj->userptr.work = NULL}): it still runs,
 *       its result is ignored;</li>
 *   <li>a failed worker leaves its errno ({@code work = ERR_PTR(ret)}) for the next use to report
 *       once, after which a new worker may start.</li>
 * </ul>
 */
final class GupWorker {
    private boolean pending;
    private boolean cancelled;
    private Errno error;

    boolean pending() {
        return pending;
    }

    /** Ends the pending worker; true if its result counts (it was not cancelled). */
    boolean finish() {
        boolean counts = pending && !cancelled;
        pending = false;
        cancelled = false;
        return counts;
    }

    void fail(Errno errno) {
        error = errno;
    }

    void clearError() {
        error = null;
    }

    /** The invalidate path: {@code obj->userptr.work = NULL}. */
    void cancel() {
        if (pending) {
            cancelled = true;
        }
        error = null;
    }

    /** The slow path of get_pages: the stored worker error once, else a new worker and EAGAIN. */
    Outcome<Void> errorOrStart() {
        if (error != null) {
            Errno reported = error;
            error = null;
            return Outcome.err(reported);
        }
        pending = true;
        cancelled = false;
        return Outcome.err(Errno.EAGAIN);
    }
}
