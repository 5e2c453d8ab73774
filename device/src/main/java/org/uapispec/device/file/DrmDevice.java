package org.uapispec.device.file;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.uapispec.api.Credentials;
import org.uapispec.api.Node;
import org.uapispec.device.gem.GemDevice;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.util.IdAllocator;

/**
 * One DRM device: its GEM state, the current master of its card node, and the master's magic map
 * (drm_auth.c). The first opener of the card node becomes master while no master exists.
 */
public final class DrmDevice {
    private final GemDevice gem;
    /** Insertion-ordered identity set: a file's release is O(1), not a scan of every open file. */
    private final Set<DrmFile> files = new LinkedHashSet<>();
    private final Map<Integer, DrmFile> magics = new HashMap<>();
    private final IdAllocator magicNumbers = new IdAllocator(1);
    private final Map<Class<?>, Object> extensions = new HashMap<>();
    private final DrmFile.FileOperations fileOperations;
    private DrmFile master;

    /** Device {@code index}, following {@code profile}, whose files answer through {@code fileOperations}. */
    public DrmDevice(int index, Profile profile, DrmFile.FileOperations fileOperations) {
        this.gem = new GemDevice(index, profile);
        this.fileOperations = Objects.requireNonNull(fileOperations, "fileOperations");
    }

    public GemDevice gem() {
        return gem;
    }

    /**
     * The per-device state of one feature of the model (the mmap-offset manager, the PRIME tables),
     * created on first use. Features keep their state here instead of in this class.
     */
    public <T> T extension(Class<T> type, Function<DrmDevice, T> create) {
        Object existing = extensions.get(type);
        if (existing == null) {
            existing = create.apply(this);
            extensions.put(type, existing);
        }
        return type.cast(existing);
    }

    public Profile profile() {
        return gem.profile();
    }

    public int index() {
        return gem.index();
    }

    /**
     * open(2) of a node: root is always authenticated (drm_file_alloc: "for compatibility root is
     * always authenticated"); the first card-node opener becomes master, and a master is
     * authenticated [25].
     */
    public DrmFile open(Node.Kind kind, Credentials credentials) {
        DrmFile file = new DrmFile(this, kind, credentials.sysAdmin(), fileOperations);
        if (kind == Node.Kind.CARD && master == null) {
            master = file;
            file.becomeMaster();
        }
        files.add(file);
        return file;
    }

    /** GET_MAGIC: a stable non-zero token per file, unique among the master's clients [25]. */
    int magicOf(DrmFile file) {
        if (file.magic() == 0) {
            int magic = magicNumbers.allocate();
            magics.put(magic, file);
            file.setMagic(magic);
        }
        return file.magic();
    }

    /** AUTH_MAGIC: authenticates the file owning {@code magic} once; the magic is then spent [25]. */
    boolean authenticate(int magic) {
        DrmFile file = magics.remove(magic);
        if (file == null) {
            return false;
        }
        file.authenticate();
        return true;
    }

    /** The file's last fd is closed: its handles, magic and mastership go [16]. */
    void released(DrmFile file) {
        gem.releaseAll(file);
        if (file.magic() != 0 && magics.remove(file.magic(), file)) {
            magicNumbers.release(file.magic());
        }
        if (master == file) {
            master = null;
        }
        files.remove(file);
    }

    public List<DrmFile> files() {
        return List.copyOf(files);
    }
}
