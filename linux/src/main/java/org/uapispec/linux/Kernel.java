package org.uapispec.linux;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.uapispec.api.KernelEra;

/**
 * A kernel that {@code linux/setup/setup-kernels.sh} prepared: its era, what {@code uname -r} says
 * (the resolved version every result records), the Debian package it came from, and the files QEMU
 * boots. The setup writes one line per kernel to {@code kernels.tsv} in its cache folder.
 *
 * @param era            the kernel era asked for: {@code 5.10}, {@code 6.1}, {@code 6.12} or {@code 7.2}
 * @param release        the kernel's release string, {@code 6.12.118+deb13-amd64}
 * @param packageName    the Debian image package, {@code linux-image-6.12.118+deb13-amd64}
 * @param packageVersion the package's version, {@code 6.12.118-1}
 */
public record Kernel(String era, String release, String packageName, String packageVersion, Path vmlinuz,
        Path initrd) {
    /** The eras the setup knows, oldest first. */
    public static final List<String> ERAS = KernelEra.texts();

    public Kernel {
        Objects.requireNonNull(era, "era");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(packageVersion, "packageVersion");
        Objects.requireNonNull(vmlinuz, "vmlinuz");
        Objects.requireNonNull(initrd, "initrd");
    }

    /**
     * The folder the setup caches kernels in, as the script chooses it: {@code $UAPISPEC_KERNEL_CACHE},
     * else {@code $XDG_CACHE_HOME/uapispec/kernels}, else {@code ~/.cache/uapispec/kernels}.
     */
    public static Path defaultCache() {
        String cache = System.getenv("UAPISPEC_KERNEL_CACHE");
        if (cache != null && !cache.isEmpty()) {
            return Path.of(cache);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("uapispec").resolve("kernels");
    }

    /**
     * The kernels the setup prepared in {@code cache}, in its order; empty when it has not run there.
     * Lines whose files are gone are left out: a kernel is listed only if it can boot.
     *
     * @throws IllegalArgumentException for a line that is not six tab-separated fields
     */
    public static List<Kernel> inCache(Path cache) {
        Path list = cache.resolve("kernels.tsv");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        List<Kernel> kernels = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(list)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != 6) {
                    throw new IllegalArgumentException(list + ":" + number + ": expected 6 tab-separated fields, got "
                            + fields.length);
                }
                if (KernelEra.byText(fields[0]).isEmpty()) {
                    throw new IllegalArgumentException(list + ":" + number + ": unknown kernel era '" + fields[0] + "'");
                }
                Kernel kernel = new Kernel(fields[0], fields[1], fields[2], fields[3], Path.of(fields[4]),
                        Path.of(fields[5]));
                if (Files.isRegularFile(kernel.vmlinuz()) && Files.isRegularFile(kernel.initrd())) {
                    kernels.add(kernel);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(kernels);
    }

    /** The prepared kernel of {@code era} in {@code cache}, if the setup prepared one. */
    public static Optional<Kernel> ofEra(Path cache, String era) {
        return inCache(cache).stream().filter(k -> k.era().equals(era)).findFirst();
    }

    /** The era as the api names it. */
    public KernelEra kernelEra() {
        return KernelEra.byText(era).orElseThrow(() -> new IllegalStateException("unknown kernel era " + era));
    }

    /** How reports name the kernel: {@code Linux 6.1.192-3 (6.1.0-57-amd64)}, its package version and release. */
    public String label() {
        return "Linux " + packageVersion + " (" + release + ")";
    }

    @Override
    public String toString() {
        return "Linux " + release;
    }
}
