package org.uapispec.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic corpus of realistic spec files for the compile benchmark: every file has
 * metadata, a shared setup, an invariant and a dozen scenarios drawn from eight shapes modelled on
 * grammar/examples (alignment tables with an outcome column, per-profile outcomes, flink sharing
 * with mmap offsets, fork with {@code by:}, dma-buf export/import, dumb buffers with field checks,
 * one-column loops, mappings that outlive their handles). The same seed gives the same text.
 */
public final class SpecCorpus {
    /** One generated file. */
    public record SpecText(String name, String text) {
        public int lines() {
            int n = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    n++;
                }
            }
            return n;
        }
    }

    private static final int SCENARIOS_PER_FILE = 12;

    private SpecCorpus() {
    }

    /** Files until the corpus holds at least {@code minLines} lines. */
    public static List<SpecText> generate(int minLines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SpecText> files = new ArrayList<>();
        int lines = 0;
        for (int i = 0; lines < minLines; i++) {
            SpecText file = new SpecText("corpus-" + i + ".uapi", file(i, random));
            files.add(file);
            lines += file.lines();
        }
        return List.copyOf(files);
    }

    public static int lines(List<SpecText> files) {
        return files.stream().mapToInt(SpecText::lines).sum();
    }

    private static String file(int index, SplittableRandom random) {
        StringBuilder out = new StringBuilder(8192);
        out.append("/// Generated spec ").append(index).append(": userptr, flink, mmap offsets and dma-buf.\n");
        out.append("spec \"generated spec ").append(index).append("\" {\n");
        out.append("  description \"Benchmark corpus, file ").append(index)
                .append(".\" \"Scenarios modelled on the language examples.\"\n");
        out.append("  tags [bench, userptr, mmap-offset, prime]\n");
        out.append("  profiles [generic, i915-2014, i915-2019, i915]\n");
        out.append("  catalogue [USERPTR-ALIGN-PTR, FLINK-BASIC, MMOFF-REVOKE-ON-GEM-CLOSE, 45]\n\n");
        out.append("  setup {\n    p = spawn()\n    f1 = open(p)\n    f2 = open(p)\n");
        out.append("    a = mmap(p, len: ").append(4 + random.nextInt(12)).append(" * PAGE, prot: rw, flags: private | anonymous)\n  }\n\n");
        out.append("  /// The backing memory stays mapped.\n  invariant backing_mapped: mapped(p, a)\n\n");
        for (int s = 0; s < SCENARIOS_PER_FILE; s++) {
            Shapes.append(out, random.nextInt(Shapes.COUNT), index * SCENARIOS_PER_FILE + s, random);
        }
        out.append("}\n");
        return out.toString();
    }
}
