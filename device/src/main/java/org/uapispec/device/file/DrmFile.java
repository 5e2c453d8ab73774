package org.uapispec.device.file;

import org.uapispec.api.Ioctl;
import org.uapispec.api.MmapRequest;
import org.uapispec.api.Node;
import org.uapispec.api.Outcome;
import org.uapispec.device.fence.FenceTable;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.gem.GemFile;
import org.uapispec.device.gem.HandleTable;
import org.uapispec.device.process.OpenFile;
import org.uapispec.device.process.Process;

/**
 * An open DRM device file (the kernel's {@code struct drm_file}): its node kind, master and
 * authentication state, its magic, and its handle table. Ioctls and mmap are answered by its
 * device's {@link FileOperations}, fixed when the file is opened, so that this class holds state,
 * not rules.
 */
public final class DrmFile extends OpenFile implements GemFile {

    /**
     * The ioctl and mmap rules of a device file, supplied by the backend when it creates the device
     * (the kernel's {@code drm_driver.fops}, which drm_stub_open gives every file it opens).
     */
    public interface FileOperations {
        <R> Outcome<R> ioctl(DrmFile file, Process caller, Ioctl<R> request);

        Outcome<Mapping> mmap(DrmFile file, Process caller, MmapRequest request);
    }

    private final DrmDevice device;
    private final Node.Kind kind;
    private final HandleTable handles = new HandleTable();
    /** vgem's {@code vfile->fence_idr}: the fences this file attached (only vgem makes any). */
    private final FenceTable fences = new FenceTable();
    private final FileOperations operations;
    private boolean master;
    private boolean authenticated;
    private int magic;

    DrmFile(DrmDevice device, Node.Kind kind, boolean authenticated, FileOperations operations) {
        this.device = device;
        this.kind = kind;
        this.authenticated = authenticated;
        this.operations = operations;
    }

    public DrmDevice device() {
        return device;
    }

    public Node.Kind kind() {
        return kind;
    }

    public boolean isRender() {
        return kind == Node.Kind.RENDER;
    }

    public boolean isMaster() {
        return master;
    }

    public boolean authenticated() {
        return authenticated;
    }

    int magic() {
        return magic;
    }

    void setMagic(int magic) {
        this.magic = magic;
    }

    void becomeMaster() {
        master = true;
        authenticated = true;
    }

    void authenticate() {
        authenticated = true;
    }

    /** GET_MAGIC for this file. */
    public int getMagic() {
        return device.magicOf(this);
    }

    /** AUTH_MAGIC issued by this file (which must be the master): false for an unknown magic. */
    public boolean authMagic(int magicToAuthenticate) {
        return device.authenticate(magicToAuthenticate);
    }

    @Override
    public HandleTable handles() {
        return handles;
    }

    /** The fences this file made (VGEM_FENCE_ATTACH), by id. */
    public FenceTable fences() {
        return fences;
    }

    @Override
    public GemDevice gemDevice() {
        return device.gem();
    }

    @Override
    public <R> Outcome<R> ioctl(Process caller, Ioctl<R> request) {
        return operations.ioctl(this, caller, request);
    }

    @Override
    public Outcome<Mapping> mmap(Process caller, MmapRequest request) {
        return operations.mmap(this, caller, request);
    }

    @Override
    public boolean writable() {
        return true; // DRM nodes are opened O_RDWR
    }

    /**
     * DRM_GEM_FOPS and i915_driver_fops set {@code .llseek = noop_llseek}: every seek answers the
     * position, which nothing moves from 0.
     */
    @Override
    public Outcome<Long> lseek(long offset, int whence) {
        return Outcome.ok(0L);
    }

    /** drm_open_helper marks the file FMODE_UNSIGNED_OFFSET: fake offsets may use all 64 bits. */
    @Override
    public long mmapSizeMax() {
        return 0;
    }

    @Override
    protected void release() {
        fences.releaseAll(); // vgem_postclose -> vgem_fence_close
        device.released(this);
    }

    @Override
    public String describe() {
        return (kind == Node.Kind.CARD ? "card" : "render") + device.index()
                + (master ? " master" : "") + (authenticated ? " auth" : "") + ", " + handles.size() + " handles"
                + (fences.pending().isEmpty() ? "" : ", unsignaled fences " + fences.pending());
    }
}
