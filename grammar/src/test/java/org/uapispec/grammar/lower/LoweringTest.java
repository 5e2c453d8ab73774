package org.uapispec.grammar.lower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.uapispec.grammar.Specs;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.api.Errno;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Observation;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.api.Signal;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/** What the engine gets: the model of the examples, step by step. */
class LoweringTest {
    private static final Expected OK = new Expected.Ok();

    private static SpecModel example(String name) {
        return Specs.model(Specs.example(name));
    }

    private static Step.CallStep call(Step step) {
        assertThat(step).isInstanceOf(Step.CallStep.class);
        return (Step.CallStep) step;
    }

    @Test
    void specMetadataAndDocCommentsFlowIntoTheModel() {
        SpecModel spec = example("userptr-alignment.uapi");
        assertThat(spec.title()).isEqualTo("userptr alignment");
        assertThat(spec.doc()).first().asString().startsWith("Userptr objects wrap page-aligned user memory");
        assertThat(spec.tags()).containsExactly("userptr", "alignment");
        assertThat(spec.profiles()).containsExactly("i915");
        // cited by key, carried by number (31 USERPTR-ALIGN-PTR, 32 USERPTR-ALIGN-SIZE, 29 USERPTR-ZERO-SIZE)
        assertThat(spec.catalogue()).containsExactly("31", "32", "29");
        assertThat(spec.description()).contains("offset_in_page");
        Scenario scenario = spec.scenarios().get(0);
        assertThat(scenario.doc()).containsExactly(
                "One row per request: pointer offset into the mapping, size, expected outcome.");
        assertThat(scenario.pos().line()).isEqualTo(19);
        assertThat(spec.invariants()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("backing_mapped");
            assertThat(i.doc()).containsExactly("The backing memory must stay mapped whatever userptr does with it.");
            assertThat(i.text()).isEqualTo("mapped(p, a)");
            assertThat(i.names()).containsExactlyInAnyOrder("p", "a");
            assertThat(i.predicate()).isEqualTo(new Value.Observe(Observation.MAPPED,
                    List.of(new Value.Ref("p", ValueType.PROCESS), new Value.Ref("a", ValueType.ADDR))));
        });
    }

    @Test
    void tablesExpandIntoOneStepPerRowWithTheRowInTheText() {
        Scenario scenario = example("userptr-alignment.uapi").scenarios().get(0);
        assertThat(scenario.setup()).hasSize(3);
        assertThat(scenario.steps()).hasSize(8);
        Step.CallStep unaligned = call(scenario.steps().get(3));
        assertThat(unaligned.operation()).isEqualTo(Operation.USERPTR);
        assertThat(unaligned.text())
                .isEqualTo("userptr(f, ptr: a + off, size: size) -> want [off = 1, size = PAGE, want = EINVAL]");
        assertThat(unaligned.expected().forProfile("i915")).containsExactly(new Expected.Fails(Errno.EINVAL));
        assertThat(unaligned.arg("ptr")).isEqualTo(new Value.Binary(Operator.ADD,
                new Value.Ref("a", ValueType.ADDR), Value.Int.of(1, "1"), ValueType.ADDR));
        assertThat(unaligned.arg("size")).isEqualTo(Value.Int.of(4096, "PAGE"));
        assertThat(unaligned.arg("flags")).isEqualTo(Value.Int.of(0, "0"));
        assertThat(unaligned.actor()).isEqualTo("p");
        assertThat(call(scenario.steps().get(1)).arg("size")).isEqualTo(Value.Int.of(8192, "2 * PAGE"));
        assertThat(call(scenario.steps().get(0)).expected().forProfile("i915")).containsExactly(OK);
    }

    @Test
    void perProfileOutcomesAreResolvedForEveryProfileOfTheScenario() {
        Scenario scenario = example("userptr-overlap.uapi").scenarios().get(0);
        Step.CallStep second = call(scenario.steps().get(1));
        assertThat(second.binding()).isEqualTo("h2");
        assertThat(second.expected().byProfile()).containsOnlyKeys("i915-2014", "i915-2019", "i915");
        assertThat(second.expected().forProfile("i915-2014")).containsExactly(new Expected.Fails(Errno.EINVAL));
        assertThat(second.expected().allowsOk("i915")).isTrue();
        assertThat(second.expected().allowsOk("i915-2014")).isFalse();
        Step.CallStep exact = call(example("userptr-overlap.uapi").scenarios().get(1).steps().get(1));
        assertThat(exact.expected().forProfile("i915-2019")).containsExactly(OK);
    }

    @Test
    void callsInChecksBecomeStepsBeforeTheCheck() {
        Scenario scenario = example("flink-revoke.uapi").scenarios().get(0);
        List<Step> steps = scenario.steps();
        Step.CallStep read = call(steps.get(12));
        assertThat(read.operation()).isEqualTo(Operation.READ);
        assertThat(read.binding()).isEqualTo("$1");
        assertThat(read.text()).isEqualTo("read(p, b, 4)");
        assertThat(read.expected().forProfile("i915")).containsExactly(OK);
        assertThat(steps.get(13)).isInstanceOfSatisfying(Step.CheckStep.class, check -> {
            assertThat(check.text()).isEqualTo("check read(p, b, 4) == \"abcd\"");
            assertThat(check.predicate()).isEqualTo(new Value.Binary(Operator.EQ, new Value.Ref("$1", ValueType.BYTES),
                    new Value.ByteString(Bytes.of("abcd".getBytes(java.nio.charset.StandardCharsets.US_ASCII))),
                    ValueType.BOOL));
        });
        Step.CallStep revoked = call(steps.get(10));
        assertThat(revoked.expected().forProfile("i915")).containsExactly(new Expected.Fails(Errno.EACCES));
        assertThat(revoked.arg("fd")).isEqualTo(new Value.Ref("f1", ValueType.FILE));
        assertThat(call(steps.get(9)).doc())
                .containsExactly("i915_gem_close_object revokes f1 on every mmap-offset node of the object.");
    }

    @Test
    void fieldsDefaultsAndSignals() {
        Scenario scenario = example("mapping-outlives-handles.uapi").scenarios().get(0);
        assertThat(scenario.steps().get(1)).isInstanceOfSatisfying(Step.CheckStep.class, check ->
                assertThat(check.predicate()).isEqualTo(new Value.Binary(Operator.EQ,
                        new Value.Field("h", "pitch", ValueType.INT), Value.Int.of(4096, "4096"), ValueType.BOOL)));
        Step.CallStep mmap = call(scenario.steps().get(3));
        assertThat(mmap.arg("addr")).isEqualTo(new Value.Int(0, "0", ValueType.ADDR));
        assertThat(mmap.arg("flags")).isEqualTo(Value.Int.of(0x01, "shared"));
        Step.CallStep last = call(scenario.steps().get(scenario.steps().size() - 1));
        assertThat(last.expected().forProfile("generic")).containsExactly(new Expected.Raises(Signal.SIGSEGV));
        Step.CallStep open = call(scenario.setup().get(1));
        assertThat(open.arg("node")).isEqualTo(Value.Int.of(0, "card"));
        assertThat(open.arg("device")).isEqualTo(Value.Int.of(0, "0"));
        Step.CallStep spawn = call(scenario.setup().get(0));
        assertThat(spawn.actorName()).isEmpty();
        assertThat(spawn.arg("uid")).isEqualTo(Value.Int.of(1000, "1000"));
        assertThat(spawn.arg("admin")).isEqualTo(new Value.Bool(false));
    }

    @Test
    void aForkedChildRunsACallOnTheInheritedFd() {
        Scenario scenario = example("fork-userptr.uapi").scenarios().get(0);
        Step.CallStep parentExec = call(scenario.steps().get(4));
        Step.CallStep childExec = call(scenario.steps().get(6));
        assertThat(parentExec.actor()).isEqualTo("p");
        assertThat(childExec.actor()).isEqualTo("c");
        assertThat(childExec.arg("file")).isEqualTo(new Value.Ref("f", ValueType.FILE));
        assertThat(childExec.arg("objects")).isEqualTo(new Value.ListOf(List.of(new Value.Ref("h", ValueType.HANDLE))));
        assertThat(childExec.expected().forProfile("i915")).containsExactly(new Expected.Fails(Errno.EFAULT));
        assertThat(childExec.expected().forProfile("i915-2014")).containsExactly(OK);
        assertThat(childExec.doc()).containsExactly("The child inherited f under the same fd number, and with it the handle.");
        assertThat(call(scenario.steps().get(5)).binding()).isEqualTo("c");
    }

    @Test
    void symbolsAreResolvedInTheSpaceOfTheirParameter() {
        SpecModel spec = Specs.model(new org.uapispec.grammar.source.SourceFile("s.uapi", """
                spec "symbols" {
                  profiles [i915]
                  scenario "gtt twice" {
                    p = spawn()
                    f = open(p, node: render)
                    h = gem_create(f, size: PAGE)
                    set_domain(f, h, read: gtt, write: gtt)
                    o = mmap_offset(f, h, type: gtt)
                    a = mmap(p, len: PAGE, prot: rw, flags: shared, fd: f, offset: o)
                    d = prime_export(f, h, flags: CLOEXEC | RDWR)
                    dmabuf_sync(d, flags: START | READ)
                    write(p, a, "ab" * 3 + x"00")
                  }
                }
                """));
        List<Step> steps = spec.scenarios().get(0).steps();
        assertThat(call(steps.get(1)).arg("node")).isEqualTo(Value.Int.of(1, "render"));
        assertThat(call(steps.get(3)).arg("read")).isEqualTo(Value.Int.of(0x40, "gtt"));
        assertThat(call(steps.get(4)).arg("type")).isEqualTo(Value.Int.of(0, "gtt"));
        assertThat(call(steps.get(5)).arg("prot")).isEqualTo(Value.Int.of(3, "rw"));
        assertThat(call(steps.get(6)).arg("flags")).isEqualTo(Value.Int.of(0x80002, "CLOEXEC | RDWR"));
        assertThat(call(steps.get(7)).arg("flags")).isEqualTo(Value.Int.of(1, "START | READ"));
        assertThat(call(steps.get(7)).actor()).isEqualTo("p");
        assertThat(call(steps.get(8)).arg("data"))
                .isEqualTo(new Value.ByteString(Bytes.ofHex("61626162616200")));
    }

    @Test
    void textsOfNestedLoopsAndHoistedCallsShowEveryRowOutermostFirst() {
        SpecModel spec = Specs.model(new org.uapispec.grammar.source.SourceFile("s.uapi", """
                spec "rows" {
                  profiles [i915]
                  scenario "nested" {
                    p = spawn()
                    f = open(p)
                    for n -> want in [1 -> ok, 2 * PAGE -> EINVAL | ENOENT] {
                      for s in [PAGE, 0x10] {
                        h = gem_create(f, size: n + s) -> want
                      }
                      check get_magic(f) != n
                    }
                  }
                }
                """));
        assertThat(spec.scenarios().get(0).steps()).extracting(Step::text).containsExactly(
                "p = spawn()",
                "f = open(p)",
                "h = gem_create(f, size: n + s) -> want [n = 1, want = ok] [s = PAGE]",
                "h = gem_create(f, size: n + s) -> want [n = 1, want = ok] [s = 0x10]",
                "get_magic(f) [n = 1, want = ok]",
                "check get_magic(f) != n [n = 1, want = ok]",
                "h = gem_create(f, size: n + s) -> want [n = 2 * PAGE, want = EINVAL | ENOENT] [s = PAGE]",
                "h = gem_create(f, size: n + s) -> want [n = 2 * PAGE, want = EINVAL | ENOENT] [s = 0x10]",
                "get_magic(f) [n = 2 * PAGE, want = EINVAL | ENOENT]",
                "check get_magic(f) != n [n = 2 * PAGE, want = EINVAL | ENOENT]");
    }

    @Test
    void aStepsTextIsItsStatementPrintedOnDemand() {
        SpecModel spec = example("flink-revoke.uapi");
        org.uapispec.grammar.ast.Spec tree = org.uapispec.grammar.parse.SpecParser
                .parse(Specs.example("flink-revoke.uapi")).spec().orElseThrow();
        org.uapispec.grammar.ast.ScenarioDecl scenario = tree.members().stream()
                .filter(org.uapispec.grammar.ast.ScenarioDecl.class::isInstance)
                .map(org.uapispec.grammar.ast.ScenarioDecl.class::cast).findFirst().orElseThrow();
        List<String> printed = scenario.statements().stream().map(org.uapispec.grammar.ast.SpecPrinter::print).toList();
        assertThat(spec.scenarios().get(0).steps()).extracting(Step::text).containsSubsequence(printed);
    }

    @Test
    void setupRunsInEveryScenarioWithItsOwnProfiles() {
        SpecModel spec = example("userptr-overlap.uapi");
        assertThat(spec.scenarios()).allSatisfy(s -> assertThat(s.setup()).extracting(Step::text)
                .containsExactly("p = spawn()", "f = open(p)",
                        "a = mmap(p, len: 2 * PAGE, prot: rw, flags: private | anonymous)"));
        assertThat(spec.scenarios().get(0).allSteps()).hasSize(6);
    }

    /**
     * A loop variable over files or processes runs each row's calls in the process of that row's
     * value, and what a row binds belongs to that process: the checker resolves the process for
     * each row, lowering only picks the row's.
     */
    @Test
    void aLoopOverBindingsRunsEachRowInItsOwnProcess() {
        Scenario scenario = Specs.model(new org.uapispec.grammar.source.SourceFile("rows.uapi", """
                spec "rows" {
                  scenario "s" {
                    a = spawn()
                    b = spawn(uid: 1000)
                    fa = open(a)
                    fb = open(b)
                    for f in [fa, fb] {
                      h = gem_create(f, size: PAGE)
                      gem_flink(fa, h) -> ENOENT | ok
                      gem_close(f, h)
                    }
                    for p in [b, a] {
                      g = open(p)
                      k = gem_create(g, size: PAGE)
                      gem_close(fa, k, by: p) -> ENOENT
                      gem_close(g, k)
                    }
                  }
                }
                """)).scenarios().get(0);
        assertThat(scenario.steps().subList(4, 10)).extracting(step -> call(step).actor())
                .containsExactly("a", "a", "a", "b", "a", "b");
        assertThat(scenario.steps().subList(10, 18)).extracting(step -> call(step).actor())
                .containsExactly("b", "b", "b", "b", "a", "a", "a", "a");
        assertThat(call(scenario.steps().get(9)).args().get(0).value()).isEqualTo(new Value.Ref("fb", ValueType.FILE));
    }

    /** A name bound twice stands, at each use, for the binding made last before it, with that binding's owner. */
    @Test
    void aRebindingTakesOverFromTheUseAfterIt() {
        Scenario scenario = Specs.model(new org.uapispec.grammar.source.SourceFile("rebind.uapi", """
                spec "rebind" {
                  scenario "s" {
                    a = spawn()
                    b = spawn(uid: 1000)
                    f = open(a)
                    h = gem_create(f, size: PAGE)
                    f = open(b)
                    k = gem_create(f, size: PAGE)
                    gem_close(f, k)
                  }
                }
                """)).scenarios().get(0);
        assertThat(scenario.steps()).extracting(step -> call(step).actor())
                .containsExactly(null, null, "a", "a", "b", "b", "b");
    }

    /**
     * The scenarios of one profile list share one lowering of the setup: the same steps, the hoisted
     * calls of each scenario numbered on from the setup's, and the indexed bindings of the setup bound
     * in every scenario. A scenario with other profiles gets the setup lowered for those.
     */
    @Test
    void scenariosWithTheSameProfilesShareTheirSetupAndGoOnFromIt() {
        SpecModel spec = Specs.model(new org.uapispec.grammar.source.SourceFile("shared.uapi", """
                spec "shared" {
                  profiles [i915, generic]
                  setup {
                    p = spawn()
                    f = open(p)
                    for i in 0 .. 2 {
                      h[i] = gem_create(f, size: PAGE) -> { generic: ENOTTY  default: ok }
                    }
                    check get_magic(f) != 0
                  }
                  scenario "one" {
                    check get_magic(f) != 1
                    gem_close(f, h[1])
                  }
                  scenario "two" {
                    check get_magic(f) != 2
                    gem_close(f, h[0])
                  }
                  scenario "three" {
                    profiles [i915]
                    gem_close(f, h[1])
                  }
                }
                """));
        Scenario one = spec.scenarios().get(0);
        Scenario two = spec.scenarios().get(1);
        Scenario three = spec.scenarios().get(2);
        assertThat(two.setup()).isSameAs(one.setup());
        assertThat(one.setup()).extracting(Step::text).containsExactly("p = spawn()", "f = open(p)",
                "h[i] = gem_create(f, size: PAGE) -> { generic: ENOTTY  default: ok } [i = 0]",
                "h[i] = gem_create(f, size: PAGE) -> { generic: ENOTTY  default: ok } [i = 1]",
                "get_magic(f)", "check get_magic(f) != 0");
        assertThat(call(one.setup().get(4)).binding()).isEqualTo("$1");
        for (Scenario scenario : List.of(one, two)) {
            assertThat(call(scenario.steps().get(0)).binding()).isEqualTo("$2");
            assertThat(call(scenario.setup().get(2)).expected().forProfile("generic"))
                    .containsExactly(new Expected.Fails(Errno.ENOTTY));
        }
        assertThat(call(one.steps().get(2)).args().get(1).value()).isEqualTo(new Value.Ref("h[1]", ValueType.HANDLE));
        assertThat(call(two.steps().get(2)).args().get(1).value()).isEqualTo(new Value.Ref("h[0]", ValueType.HANDLE));
        assertThat(three.setup()).isNotSameAs(one.setup()).hasSize(6);
        assertThat(call(three.setup().get(2)).expected().byProfile()).containsOnlyKeys("i915");
        assertThat(call(three.steps().get(0)).args().get(1).value()).isEqualTo(new Value.Ref("h[1]", ValueType.HANDLE));
    }
}
