package org.uapispec.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The end-to-end corpus: the same scenarios written twice, as spec files for our engine and as
 * Cucumber features for {@link CucumberSteps}. Two shapes alternate: flink sharing with an mmap of
 * the opened object, and userptr alignment with CPU access to the backing memory. Each step of a
 * spec is one step of the feature and one call on the device, so both runners do the same work.
 */
public final class E2eCorpus {
    private E2eCorpus() {
    }

    /** Writes {@code files} spec files and {@code files} features of {@code perFile} scenarios each. */
    public static void write(Path dir, int files, int perFile) {
        try {
            Path specs = emptied(dir.resolve("specs"));
            Path features = emptied(dir.resolve("features"));
            for (int i = 0; i < files; i++) {
                Files.writeString(specs.resolve("e2e-" + i + ".uapi"), spec(i, perFile));
                Files.writeString(features.resolve("e2e-" + i + ".feature"), feature(i, perFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The directory, without the files of an earlier corpus (which may have had more of them). */
    private static Path emptied(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        return dir;
    }

    static String spec(int file, int perFile) {
        StringBuilder out = new StringBuilder();
        out.append("spec \"e2e ").append(file).append("\" {\n  profiles [i915]\n");
        out.append("  setup {\n    p = spawn()\n    f1 = open(p)\n    f2 = open(p)\n  }\n");
        for (int s = 0; s < perFile; s++) {
            String data = word(file, s);
            if (s % 2 == 0) {
                out.append("  scenario \"flink and mmap ").append(file).append('-').append(s).append("\" {\n");
                out.append("    h = gem_create(f1, size: PAGE)\n");
                out.append("    pwrite(f1, h, data: \"").append(data).append("\")\n");
                out.append("    n = gem_flink(f1, h)\n");
                out.append("    m = get_magic(f2)\n");
                out.append("    auth_magic(f1, m)\n");
                out.append("    h2 = gem_open(f2, n)\n");
                out.append("    off = mmap_offset(f2, h2, type: wb)\n");
                out.append("    b = mmap(p, len: PAGE, prot: r, flags: shared, fd: f2, offset: off)\n");
                out.append("    check read(p, b, 4) == \"").append(data).append("\"\n");
                out.append("    gem_close(f1, h)\n");
                out.append("    gem_create(f1, size: 0) -> EINVAL\n");
                out.append("  }\n");
            } else {
                out.append("  scenario \"userptr alignment ").append(file).append('-').append(s).append("\" {\n");
                out.append("    a = mmap(p, len: 2 * PAGE, prot: rw, flags: private | anonymous)\n");
                out.append("    u = userptr(f1, ptr: a, size: PAGE)\n");
                out.append("    userptr(f1, ptr: a + ").append(1 + s).append(", size: PAGE) -> EINVAL\n");
                out.append("    userptr(f1, ptr: a, size: PAGE - ").append(1 + s).append(") -> EINVAL\n");
                out.append("    write(p, a, \"").append(data).append("\")\n");
                out.append("    check read(p, a, 4) == \"").append(data).append("\"\n");
                out.append("    gem_close(f1, u)\n");
                out.append("    check !valid(f1, u)\n");
                out.append("  }\n");
            }
        }
        return out.append("}\n").toString();
    }

    static String feature(int file, int perFile) {
        StringBuilder out = new StringBuilder();
        out.append("Feature: e2e ").append(file).append("\n\n");
        out.append("  Background:\n    Given a process with two open files on the \"i915\" profile\n\n");
        for (int s = 0; s < perFile; s++) {
            String data = word(file, s);
            if (s % 2 == 0) {
                out.append("  Scenario: flink and mmap ").append(file).append('-').append(s).append('\n');
                out.append("    When file 1 creates an object of 4096 bytes as \"h\"\n");
                out.append("    And file 1 writes \"").append(data).append("\" into \"h\"\n");
                out.append("    And file 1 names \"h\" with flink as \"n\"\n");
                out.append("    And file 2 gets a magic as \"m\"\n");
                out.append("    And file 1 authenticates the magic \"m\"\n");
                out.append("    And file 2 opens the name \"n\" as \"h2\"\n");
                out.append("    And file 2 gets a WB mmap offset for \"h2\" as \"off\"\n");
                out.append("    And the process maps 4096 bytes of \"off\" in file 2 read-only as \"b\"\n");
                out.append("    Then reading 4 bytes at \"b\" gives \"").append(data).append("\"\n");
                out.append("    When file 1 closes \"h\"\n");
                out.append("    Then creating an object of 0 bytes in file 1 fails with EINVAL\n\n");
            } else {
                out.append("  Scenario: userptr alignment ").append(file).append('-').append(s).append('\n');
                out.append("    When the process maps 8192 bytes of anonymous memory as \"a\"\n");
                out.append("    And file 1 wraps 4096 bytes at \"a\" plus 0 as userptr \"u\"\n");
                out.append("    Then a userptr of 4096 bytes at \"a\" plus ").append(1 + s)
                        .append(" in file 1 fails with EINVAL\n");
                out.append("    And a userptr of ").append(4096 - 1 - s)
                        .append(" bytes at \"a\" plus 0 in file 1 fails with EINVAL\n");
                out.append("    When the process writes \"").append(data).append("\" at \"a\"\n");
                out.append("    Then reading 4 bytes at \"a\" gives \"").append(data).append("\"\n");
                out.append("    When file 1 closes \"u\"\n");
                out.append("    Then \"u\" is not valid in file 1\n\n");
            }
        }
        return out.toString();
    }

    private static String word(int file, int scenario) {
        int x = file * 131 + scenario * 7;
        char[] w = new char[4];
        for (int i = 0; i < 4; i++) {
            w[i] = (char) ('a' + (x % 26));
            x = x / 26 + 5 * i + 3;
        }
        return new String(w);
    }
}
