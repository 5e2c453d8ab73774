package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.api.Errno;
import org.uapispec.api.KernelEra;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.check.CheckedCases;
import org.uapispec.grammar.check.CheckedCall;
import org.uapispec.grammar.check.CheckedOutcome;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.model.Expectation;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Param;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Step.Argument;
import org.uapispec.grammar.model.Step.CallStep;
import org.uapispec.grammar.model.Step.CheckStep;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.source.SourcePos;

/** Lowers the statements of one scenario (its setup first) into model steps. */
final class StepLowerer {
    private static final Expected OK = new Expected.Ok();

    private final List<String> profiles;
    private final ScenarioDecl scenario;
    private final Diagnostics diagnostics;
    private final List<Step> out = new ArrayList<>();
    /**
     * Display text by syntax node: a loop body is printed once, not once per row. Printed now, not
     * on first use: a lazy text would keep its syntax nodes alive as long as the model, and the
     * engine keeps every model of a run (in the end-to-end benchmark that tripled the garbage
     * collector's work).
     */
    private final Map<Object, String> printed;
    private final Expectations expectations;
    private final ExprLowerer exprs;
    /** Most steps expect success on every profile. */
    private final Expectation okEverywhere;
    private final Expansion expansion;
    private int hoisted;
    /** Each call, name and outcome as the checker resolved it. */
    private final CheckResult checked;
    private final Rows rows = new Rows();
    /** What the steps of the rows being expanded show after their own text: {@code " [off = 0, want = ok]"}. */
    private String rowText = "";
    /** Hoists the calls in checks (the checker allows them nowhere else). */
    private final Function<Expr.CallExpr, Value> hoister = this::hoist;
    /** What the ioctl steps being lowered are made again on: the scenario's retry list, or the spec's. */
    private Set<Errno> retryOn = Set.of();
    /** Whether the statement being lowered is a requirement, whose hoisted calls are requirements too. */
    private boolean requiring;

    StepLowerer(List<String> profiles, ScenarioDecl scenario, Diagnostics diagnostics, Map<Object, String> printed,
            Expectations expectations, Expansion expansion, CheckResult checked) {
        this.checked = checked;
        this.expansion = expansion;
        this.printed = printed;
        this.expectations = expectations;
        this.okEverywhere = expectations.everywhere(profiles, List.of(OK));
        this.profiles = profiles;
        this.scenario = scenario;
        this.diagnostics = diagnostics;
        this.exprs = new ExprLowerer(diagnostics, checked);
    }

    /**
     * What lowering the setup leaves behind: its steps, and what the scenario's steps after them
     * need of it (how many calls it hoisted, so that the scenario's are numbered on from there, and
     * the indexed bindings it bound). The setup lowers the same for every scenario with the same
     * profiles, so {@link Lowerer} lowers it once per profile selection and hands this to the others.
     */
    record SetupSteps(List<Step> steps, int hoisted, Set<String> indexedBound) {
    }

    /** The setup's steps, whose ioctls are made again on {@code retryOn}, and the state they leave. */
    SetupSteps lowerSetup(List<Statement> setup, Set<Errno> retryOn) {
        List<Step> steps = lower(setup, retryOn);
        return new SetupSteps(steps, hoisted, exprs.indexedBound());
    }

    /** Takes up after a setup that another scenario of the same profiles lowered. */
    void resume(SetupSteps setup) {
        hoisted = setup.hoisted();
        exprs.bindAll(setup.indexedBound());
    }

    /** The steps of {@code statements}, whose ioctls are made again on {@code retryOn}. */
    List<Step> lower(List<Statement> statements, Set<Errno> retryOn) {
        out.clear();
        rowText = "";
        this.retryOn = retryOn;
        statements(statements);
        return List.copyOf(out);
    }

    private void statements(List<Statement> statements) {
        for (Statement statement : statements) {
            try {
                statement(statement);
            } catch (RuntimeException | StackOverflowError e) {
                InternalFailure.report(diagnostics, statement.pos(), "lowering this " + statement.kind(), e);
            }
        }
    }

    private void statement(Statement statement) {
        if (statement instanceof CallStatement step) {
            step(step);
        } else if (statement instanceof Check check) {
            check(check);
        } else if (statement instanceof ForLoop loop) {
            loop(loop);
        }
    }

    private void step(CallStatement step) {
        String text = withRow(printed(step));
        Expectation expected = expectation(step.outcome());
        requiring = step.required();
        try {
            String binding = step.binding() == null ? null : step.binding().text();
            if (step.index() != null) {
                binding = exprs.indexedName(binding, step.index(), rows);
            }
            add(call(step.pos(), text, step.doc(), checked.call(step.call()), binding, expected, step.retried()));
            if (step.index() != null && binding != null) {
                exprs.bindIndexed(binding);
            }
        } finally {
            requiring = false;
        }
    }

    /** The call's arguments (each given one lowered, the others their defaults) and its process, from the checker. */
    private CallStep call(SourcePos pos, String text, List<String> doc, CheckedCall call, String binding,
            Expectation expected, boolean retried) {
        Operation operation = call.operation();
        List<Param> params = operation.params();
        Argument[] args = new Argument[params.size()];
        for (int i = 0; i < args.length; i++) {
            Param param = params.get(i);
            Expr given = call.given(i);
            Value value = given == null ? param.defaultValue() : exprs.lower(given, rows, hoister);
            args[i] = new Argument(param.name(), value);
        }
        String actor = call.actor().map(rows::process).orElse(null);
        Set<Errno> retry = retried ? Step.LIBDRM_RETRY : operation.isIoctl() ? retryOn : Set.of();
        return new CallStep(pos, text, doc, operation, actor, List.of(args), binding, expected, retry, requiring);
    }

    private void check(Check check) {
        requiring = check.required();
        try {
            Value predicate = exprs.lower(check.predicate(), rows, hoister);
            String text = withRow(printed(check));
            add(new CheckStep(check.pos(), text, check.doc(), predicate, check.required()));
        } finally {
            requiring = false;
        }
    }

    /** A call inside a check or an argument runs as its own step (expected to succeed) just before the statement. */
    private Value hoist(Expr.CallExpr call) {
        String binding = "$" + (++hoisted);
        String text = withRow(printed(call));
        CheckedCall checkedCall = checked.call(call.call());
        add(call(call.pos(), text, List.of(), checkedCall, binding, okEverywhere, false));
        return new Value.Ref(binding, checked.type(call));
    }

    /** A step's display text: its statement's, then the row it runs in (outside loops, the shared text itself). */
    private String withRow(String printed) {
        return rowText.isEmpty() ? printed : printed + rowText;
    }

    /**
     * The text of a statement: printed once for all the rows of its loop (kept in {@link #printed});
     * outside loops each statement lowers once, and is printed without keeping its text.
     */
    private String printed(Statement statement) {
        if (rowText.isEmpty()) {
            return SpecPrinter.print(statement);
        }
        return printed.computeIfAbsent(statement, node -> SpecPrinter.print((Statement) node));
    }

    /** The text of a call inside a check, the same way. */
    private String printed(Expr.CallExpr call) {
        if (rowText.isEmpty()) {
            return SpecPrinter.print(call);
        }
        return printed.computeIfAbsent(call, node -> SpecPrinter.print((Expr) node));
    }

    private void loop(ForLoop loop) {
        String outer = rowText;
        if (expansion.steps(loop) == 0) {
            return; // a body without steps: going through its rows would build nothing, however many
        }
        List<ForLoop.Row> all = loop.rows();
        try {
            long[] range = loop.range() == null ? null : checked.range(loop);
            if (range != null) {
                for (long i = range[0]; i < range[1]; i++) {
                    rows.enter(loop, new Rows.Row((int) (i - range[0]), List.of(Value.Int.of(i, Long.toString(i))), null));
                    rowText = outer + " [" + loop.variables().get(0).text() + " = " + i + "]";
                    statements(loop.body());
                }
                return;
            }
            for (int r = 0; r < all.size(); r++) {
                ForLoop.Row row = all.get(r);
                List<Value> values = new ArrayList<>(row.values().size());
                for (Expr value : row.values()) {
                    values.add(exprs.lower(value, rows, hoister));
                }
                rows.enter(loop, new Rows.Row(r, values, row.outcome()));
                rowText = outer + rowSuffix(loop, row);
                statements(loop.body());
            }
        } finally {
            rows.leave(loop);
            rowText = outer;
        }
    }

    /** What a step in a loop shows after its own text: {@code " [off = 0, size = PAGE, want = ok]"}. */
    private static String rowSuffix(ForLoop loop, ForLoop.Row row) {
        StringBuilder shown = new StringBuilder(" [");
        for (int i = 0; i < loop.variables().size(); i++) {
            if (i > 0) {
                shown.append(", ");
            }
            shown.append(loop.variables().get(i).text()).append(" = ").append(SpecPrinter.print(row.values().get(i)));
        }
        if (loop.outcomeVar() != null) {
            shown.append(loop.variables().isEmpty() ? "" : ", ").append(loop.outcomeVar().text()).append(" = ").append(SpecPrinter.print(row.outcome()));
        }
        return shown.append(']').toString();
    }

    /**
     * What a step's outcome clause accepts on each profile. An outcome column stands for its row's
     * clause, which may be a per-profile block of its own.
     */
    private Expectation expectation(OutcomeClause outcome) {
        if (outcome instanceof OutcomeClause.Implicit) {
            return okEverywhere;
        } else if (outcome instanceof OutcomeClause.Alternatives alternatives) {
            CheckedOutcome checkedOutcome = checked.outcome(alternatives);
            if (checkedOutcome instanceof CheckedOutcome.Fixed fixed) {
                return expectations.everywhere(profiles, fixed.expected());
            }
            return expectation(rows.outcome(((CheckedOutcome.Column) checkedOutcome).loop()));
        }
        CheckedCases cases = checked.cases((OutcomeClause.PerProfile) outcome);
        List<List<Expected>> atNewest = new ArrayList<>(profiles.size());
        Map<String, Map<KernelEra, List<Expected>>> byEra = Map.of(); // most blocks name no era
        for (String profile : profiles) {
            List<Expected> newest = caseOutcomes(cases.caseFor(profile, KernelEra.newest()), profile, KernelEra.newest());
            atNewest.add(newest);
            boolean eraDependent = cases.namesEras(profile) || rowBlock(cases.caseFor(profile, KernelEra.newest())) != null;
            Map<KernelEra, List<Expected>> eras = eraDependent ? byEra(cases, profile, newest) : null;
            if (eras != null) {
                if (byEra.isEmpty()) {
                    byEra = new HashMap<>();
                }
                byEra.put(profile, eras);
            }
        }
        return expectations.of(profiles, atNewest, byEra);
    }

    /** What {@code profile} accepts on each kernel era; null when that is {@code newest} on every one. */
    private Map<KernelEra, List<Expected>> byEra(CheckedCases cases, String profile, List<Expected> newest) {
        Map<KernelEra, List<Expected>> eras = new EnumMap<>(KernelEra.class);
        boolean differs = false;
        for (KernelEra era : KernelEra.values()) {
            List<Expected> outcomes = caseOutcomes(cases.caseFor(profile, era), profile, era);
            eras.put(era, outcomes);
            differs |= !outcomes.equals(newest);
        }
        return differs ? eras : null;
    }

    /**
     * What a case of a per-profile block accepts; nothing where no case applies, which the checker
     * allows only on an era the scenario does not run the profile on ({@code { generic@6.1+: ok }}
     * in a scenario on {@code generic@6.1+} says nothing of 5.10).
     */
    private List<Expected> caseOutcomes(OutcomeClause.Alternatives alternatives, String profile, KernelEra era) {
        return alternatives == null ? List.of() : alternatives(alternatives, profile, era);
    }

    /**
     * The outcomes the atoms name on a profile in an era, without repeats, in the order written: as
     * the checker resolved them. An outcome column gives its row's, that row's case for the profile
     * when the row has a per-profile block.
     */
    private List<Expected> alternatives(OutcomeClause.Alternatives alternatives, String profile, KernelEra era) {
        CheckedOutcome outcome = checked.outcome(alternatives);
        if (outcome instanceof CheckedOutcome.Fixed fixed) {
            return fixed.expected();
        }
        OutcomeClause row = rows.outcome(((CheckedOutcome.Column) outcome).loop());
        if (row instanceof OutcomeClause.PerProfile block) {
            return caseOutcomes(checked.cases(block).caseFor(profile, era), profile, era);
        }
        return alternatives((OutcomeClause.Alternatives) row, profile, era);
    }

    /** The per-profile block of the row an outcome column stands for; null for anything else. */
    private OutcomeClause.PerProfile rowBlock(OutcomeClause.Alternatives alternatives) {
        if (alternatives != null && checked.outcome(alternatives) instanceof CheckedOutcome.Column column
                && rows.outcome(column.loop()) instanceof OutcomeClause.PerProfile block) {
            return block;
        }
        return null;
    }

    private void add(Step step) {
        if (out.size() >= Lowerer.MAX_STEPS) {
            // Expansion counted the scenario before it was lowered; this is its backstop only.
            throw new IllegalStateException("scenario '" + scenario.title() + "' was counted to fit in "
                    + Lowerer.MAX_STEPS + " steps but lowers to more");
        }
        out.add(step);
    }
}
