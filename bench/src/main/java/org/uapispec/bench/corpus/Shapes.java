package org.uapispec.bench.corpus;

import java.util.SplittableRandom;

/** The scenario shapes of {@link SpecCorpus}, each filled with varied numbers. */
final class Shapes {
    static final int COUNT = 8;

    private Shapes() {
    }

    static void append(StringBuilder out, int shape, int id, SplittableRandom r) {
        switch (shape) {
            case 0 -> alignmentTable(out, id, r);
            case 1 -> overlap(out, id, r);
            case 2 -> flink(out, id, r);
            case 3 -> fork(out, id, r);
            case 4 -> dmabuf(out, id, r);
            case 5 -> dumb(out, id, r);
            case 6 -> sizeLoop(out, id, r);
            default -> outlives(out, id, r);
        }
    }

    private static void open(StringBuilder out, String title, int id, String profiles) {
        out.append("  /// Scenario ").append(id).append(".\n");
        out.append("  scenario \"").append(title).append(' ').append(id).append("\" {\n");
        if (profiles != null) {
            out.append("    profiles [").append(profiles).append("]\n");
        }
    }

    private static void close(StringBuilder out) {
        out.append("  }\n\n");
    }

    private static void alignmentTable(StringBuilder out, int id, SplittableRandom r) {
        open(out, "pointer and size must be page aligned", id, "i915");
        out.append("    for off, size -> want in [\n");
        out.append("      (0, PAGE) -> ok,\n");
        out.append("      (0, 2 * PAGE) -> ok,\n");
        out.append("      (PAGE, ").append(1 + r.nextInt(3)).append(" * PAGE) -> ok,\n");
        out.append("      (").append(1 + r.nextInt(4000)).append(", PAGE) -> EINVAL,\n");
        out.append("      (PAGE - 1, PAGE) -> EINVAL,\n");
        out.append("      (0, PAGE - ").append(1 + r.nextInt(100)).append(") -> EINVAL,\n");
        out.append("      (0, PAGE + 1) -> EINVAL,\n");
        out.append("      (0, 0) -> EINVAL,\n");
        out.append("    ] {\n");
        out.append("      userptr(f1, ptr: a + off, size: size) -> want\n");
        out.append("    }\n");
        close(out);
    }

    private static void overlap(StringBuilder out, int id, SplittableRandom r) {
        open(out, "a second userptr over the same pages", id, "i915-2014, i915-2019, i915");
        out.append("    h1 = userptr(f1, ptr: a, size: 2 * PAGE)\n");
        out.append("    h2 = userptr(f1, ptr: a + PAGE, size: PAGE) -> { i915-2014: EINVAL  i915-2019, i915: ok }\n");
        out.append("    check h1 != h2\n");
        out.append("    userptr(f1, ptr: a, size: PAGE) -> {\n      i915-2014: EINVAL\n      default: ok\n    }\n");
        out.append("    set_domain(f1, h1, read: cpu)\n");
        out.append("    gem_close(f1, h1)\n");
        out.append("    check !valid(f1, h1)\n");
        close(out);
    }

    private static void flink(StringBuilder out, int id, SplittableRandom r) {
        open(out, "closing one file's handle revokes only that file's mmap", id, "i915-2019, i915");
        int pages = 1 + r.nextInt(4);
        out.append("    h1 = gem_create(f1, size: ").append(pages).append(" * PAGE)\n");
        out.append("    check h1.size == ").append(pages).append(" * PAGE\n");
        out.append("    pwrite(f1, h1, data: \"abcd").append(id % 10).append("\")\n");
        out.append("    n = gem_flink(f1, h1)\n");
        out.append("    /// GEM_OPEN is DRM_AUTH: the master authenticates the second file.\n");
        out.append("    m = get_magic(f2)\n");
        out.append("    auth_magic(f1, m)\n");
        out.append("    h2 = gem_open(f2, n)\n");
        out.append("    check h2.size == ").append(pages).append(" * PAGE\n");
        out.append("    off1 = mmap_offset(f1, h1, type: wb)\n");
        out.append("    off2 = mmap_offset(f2, h2, type: wb)\n");
        out.append("    gem_close(f1, h1)\n");
        out.append("    mmap(p, len: PAGE, prot: r, flags: shared, fd: f1, offset: off1) -> EACCES\n");
        out.append("    b = mmap(p, len: PAGE, prot: r, flags: shared, fd: f2, offset: off2)\n");
        out.append("    check read(p, b, 5) == \"abcd").append(id % 10).append("\"\n");
        out.append("    check pread(f2, h2, size: 5) == \"abcd").append(id % 10).append("\"\n");
        close(out);
    }

    private static void fork(StringBuilder out, int id, SplittableRandom r) {
        open(out, "the child submits the parent's userptr object", id, "i915-2014, i915-2019, i915");
        out.append("    h = userptr(f1, ptr: a + ").append(r.nextInt(3)).append(" * PAGE, size: PAGE)\n");
        out.append("    execbuf(f1, objects: [h])\n");
        out.append("    c = fork(p)\n");
        out.append("    /// The child inherited f1 under the same fd number, and with it the handle.\n");
        out.append("    execbuf(f1, objects: [h], by: c) -> { i915: EFAULT  default: ok }\n");
        out.append("    check valid(f1, h)\n");
        out.append("    exit(c)\n");
        close(out);
    }

    private static void dmabuf(StringBuilder out, int id, SplittableRandom r) {
        open(out, "import into a second file and map the dma-buf", id, "generic, i915");
        int w = 16 << r.nextInt(4);
        out.append("    h = dumb_create(f1, width: ").append(w).append(", height: 64, bpp: 32)\n");
        out.append("    check h.size == ").append(w).append(" * 64 * 4\n");
        out.append("    d = prime_export(f1, h, flags: CLOEXEC | RDWR)\n");
        out.append("    h2 = prime_import(f2, d)\n");
        out.append("    h3 = prime_import(f2, d)\n");
        out.append("    check h2 == h3\n");
        out.append("    m = mmap(p, len: h.size, prot: rw, flags: shared, fd: d)\n");
        out.append("    dmabuf_sync(d, flags: START | RW)\n");
        out.append("    write(p, m, x\"de ad be ef\" + \"!\" * 3)\n");
        out.append("    check read(p, m, 7) == x\"deadbeef212121\"\n");
        out.append("    dmabuf_sync(d, flags: END | RW)\n");
        out.append("    check lseek(d, 0, END) == h.size\n");
        close(out);
    }

    private static void dumb(StringBuilder out, int id, SplittableRandom r) {
        open(out, "dumb buffer pitch and size", id, "generic, i915");
        int w = 256 << r.nextInt(3);
        out.append("    h = dumb_create(f1, width: ").append(w).append(", height: 2, bpp: 32)\n");
        out.append("    check h.pitch == ").append(w * 4).append(" && h.size == 2 * ").append(w * 4).append('\n');
        out.append("    off = dumb_map(f1, h)\n");
        out.append("    m = mmap(p, len: PAGE, prot: rw, flags: shared, fd: f1, offset: off)\n");
        out.append("    write(p, m, \"pixel ").append(id).append("\")\n");
        out.append("    check read(p, m, 5) == \"pixel\"\n");
        out.append("    dumb_destroy(f1, h)\n");
        out.append("    check live_objects(f1) == 0\n");
        out.append("    munmap(p, m, PAGE)\n");
        close(out);
    }

    private static void sizeLoop(StringBuilder out, int id, SplittableRandom r) {
        open(out, "unaligned sizes at an aligned pointer", id, null);
        out.append("    for size in [0, 1, ").append(4095 - r.nextInt(100)).append(", 4097, PAGE + ")
                .append(1 + r.nextInt(4000)).append("] {\n");
        out.append("      userptr(f1, ptr: a, size: size) -> { generic: ENODEV | EINVAL  default: EINVAL }\n");
        out.append("    }\n");
        out.append("    gem_create(f1, size: 0) -> { generic: EINVAL | ENODEV  default: EINVAL }\n");
        out.append("    gem_close(f1, 0x").append(Integer.toHexString(0xd000 + r.nextInt(0xfff))).append(") -> EINVAL | ENOENT\n");
        out.append("    read(p, 0, 1) -> SIGSEGV\n");
        close(out);
    }

    private static void outlives(StringBuilder out, int id, SplittableRandom r) {
        open(out, "bytes stay readable after gem_close", id, "generic, i915");
        out.append("    h = dumb_create(f2, width: 1024, height: 1, bpp: 32)\n");
        out.append("    check h.pitch == 4096\n");
        out.append("    off = dumb_map(f2, h)\n");
        out.append("    m = mmap(p, len: PAGE, prot: rw, flags: shared, fd: f2, offset: off)\n");
        out.append("    write(p, m, \"still here ").append(id).append("\")\n");
        out.append("    gem_close(f2, h)\n");
        out.append("    check !valid(f2, h) && live_objects(f2) == 0\n");
        out.append("    check read(p, m, 10) == \"still here\"\n");
        out.append("    munmap(p, m, PAGE)\n");
        out.append("    # Now nothing maps the page any more.\n");
        out.append("    read(p, m, 1) -> SIGSEGV\n");
        close(out);
    }
}
