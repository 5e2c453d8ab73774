package org.uapispec.grammar.ast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.parse.SpecParser;
import org.uapispec.grammar.source.SourceFile;

/** parse -> print -> parse gives the same tree (positions aside), and printing is a fixed point. */
class RoundTripTest {
    private static final String TRICKY = """
            /// doc with "quotes"
            spec "esc \\"aped\\" \\\\ \\n" {
              description "one" "two"
              tags [a, b-c, "in-for"]
              profiles [generic@5.10, i915 @6.1+, "exynos-2012", i915-2019, generic@6.12+,]
              catalogue ["USERPTR-OVERLAP-3.18+", 45, MMOFF-EACCES-OTHER-FILE]
              retry [EINTR, EAGAIN]
              invariant i: !valid(f, h) || live_objects(f) >= 1 && true
              scenario "s" {
                profiles [generic@6.12+, "i915"]
                p = spawn(uid: 0, admin: true)
                f = open(p, node: render)
                h = gem_create(f, size: (1 + 2) * 3 - -4 << 2 | ~0 & 0xff_ff)
                check (h.size - 1) * 2 == 1 - (2 - 3)
                check read(p, 0, 1) == x"0a 0B" + "\\t\\0" * 2
                gem_close(f, h) -> { i915-2014, generic: EINVAL | ENOENT  default: ok }
                gem_close(f, h) -> { generic@5.10, i915@6.1+: ok  generic @6.12+: EINVAL  default: ENOENT }
                require f.fd > 2
                require retry _g = gem_open(f, gem_flink(f, h)) -> ok
                retry gem_close(f, h) -> EINVAL
                for i in 0 .. 1 << 2 {
                  gem_close(f, i)
                  hs[i * 2] = gem_open(f, 1)
                  check hs[i * 2].size == hs[0].size && hs[i].fd > 0
                }
                for a, b -> w in [(1, [h]) -> ok, (2, []) -> SIGSEGV] {
                  for c in [1, (2)] {
                    execbuf(f, objects: b, by: p) -> w
                  }
                }
              }
            }
            """;

    static Stream<Path> examples() {
        return Specs.examples().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void examplesRoundTrip(Path path) {
        assertRoundTrip(Specs.read(path));
    }

    @Test
    void everyConstructRoundTrips() {
        assertRoundTrip(new SourceFile("tricky.uapi", TRICKY));
    }

    @Test
    void equalityIgnoringPositionsStillSeesDifferences() {
        Spec one = parse(new SourceFile("a", "spec \"t\" { scenario \"s\" { p = spawn(uid: 1) } }"));
        Spec moved = parse(new SourceFile("b", "\n\nspec \"t\" {\n scenario \"s\" {\n   p = spawn(uid: 1)\n }\n}"));
        Spec other = parse(new SourceFile("c", "spec \"t\" { scenario \"s\" { p = spawn(uid: 2) } }"));
        assertThat(TreeEquality.equalIgnoringPositions(one, moved)).isTrue();
        assertThat(one).isNotEqualTo(moved);
        assertThat(TreeEquality.equalIgnoringPositions(one, other)).isFalse();
    }

    @Test
    void printerParenthesisesOnlyWherePrecedenceNeedsIt() {
        Spec spec = parse(new SourceFile("p", "spec \"t\" { invariant i: (a + b) * c == a + (b * c) && !(x == y) }"));
        InvariantDecl invariant = (InvariantDecl) spec.members().get(0);
        assertThat(SpecPrinter.print(invariant.predicate())).isEqualTo("(a + b) * c == a + b * c && !(x == y)");
    }

    private static void assertRoundTrip(SourceFile source) {
        Spec first = parse(source);
        String printed = SpecPrinter.print(first);
        Spec second = parse(new SourceFile("printed.uapi", printed));
        assertThat(TreeEquality.equalIgnoringPositions(first, second)).as(printed).isTrue();
        assertThat(SpecPrinter.print(second)).isEqualTo(printed);
    }

    private static Spec parse(SourceFile source) {
        var result = SpecParser.parse(source);
        assertThat(result.diagnostics()).as(source.name()).isEmpty();
        return result.spec().orElseThrow();
    }
}
