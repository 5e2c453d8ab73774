package org.uapispec.device.gem;

/**
 * What other parts of the model (mmap offsets, PRIME) must hear about handles and objects, in the
 * order {@code drm_gem_object_release_handle} runs them [13]. Listeners are per device, not per
 * object, so an idle object costs no listener memory.
 */
public interface ObjectLifecycle {
    /** {@code file} got a new handle to {@code object} (GEM create, open, PRIME import). */
    default void handleCreated(GemFile file, GemObject object) {
    }

    /** {@code file} closed one handle to {@code object} (driver close hook, PRIME and vma revoke). */
    default void handleClosed(GemFile file, GemObject object) {
    }

    /** The last handle of {@code object} in any file is gone: its flink name and cached dma-buf go. */
    default void lastHandleClosed(GemObject object) {
    }

    /** The last reference is gone: the object's offsets and pages go [70]. */
    default void freed(GemObject object) {
    }
}
