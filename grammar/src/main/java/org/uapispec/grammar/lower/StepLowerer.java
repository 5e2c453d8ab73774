package org.uapispec.grammar.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.check.CheckedCall;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.api.Errno;
import org.uapispec.grammar.model.Expectation;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Param;
import org.uapispec.api.Signal;
import org.uapispec.grammar.model.Step.Argument;
import org.uapispec.grammar.model.Step.CallStep;
import org.uapispec.grammar.model.Step.CheckStep;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.source.SourcePos;

/** Lowers the statements of one scenario (its setup first) into model steps. */
final class StepLowerer {
    private static final Expected OK = new Expected.Ok();

    private final List<String> profiles;
    private final ScenarioDecl scenario;
    private final Diagnostics diagnostics;
    private final List<org.uapispec.grammar.model.Step> out = new ArrayList<>();
    /**
     * Display text by syntax node: a loop body and the setup are printed once, not once per row or
     * scenario. Printed now, not on first use: a lazy text would keep its syntax nodes alive as long
     * as the model, and the engine keeps every model of a run (in the end-to-end benchmark that
     * tripled the garbage collector's work).
     */
    private final Map<Object, String> printed;
    private final Expectations expectations;
    private final ExprLowerer exprs;
    /** Most steps expect success on every profile. */
    private final Expectation okEverywhere;
    private final Expansion expansion;
    private int hoisted;
    /** Each call's operation and arguments, as the checker matched them to the call table. */
    private final CheckResult checked;

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
        this.exprs = new ExprLowerer(diagnostics);
    }

    List<org.uapispec.grammar.model.Step> lower(List<Statement> statements, LoweringScope env) {
        out.clear();
        statements(statements, env, "");
        return List.copyOf(out);
    }

    private void statements(List<Statement> statements, LoweringScope env, String rowText) {
        for (Statement statement : statements) {
            try {
                statement(statement, env, rowText);
            } catch (RuntimeException | StackOverflowError e) {
                InternalFailure.report(diagnostics, statement.pos(), "lowering this " + statement.kind(), e);
            }
        }
    }

    private void statement(Statement statement, LoweringScope env, String rowText) {
        if (statement instanceof CallStatement step) {
            step(step, env, rowText);
        } else if (statement instanceof Check check) {
            check(check, env, rowText);
        } else if (statement instanceof ForLoop loop) {
            loop(loop, env, rowText);
        }
    }

    private void step(CallStatement step, LoweringScope env, String rowText) {
        String text = printed(step) + rowText;
        Expectation expected = expectation(step.outcome(), env);
        add(call(step.pos(), text, step.doc(), step.call(), step.binding() == null ? null : step.binding().text(),
                expected, env));
    }

    private CallStep call(SourcePos pos, String text, List<String> doc, Call call, String binding,
            Expectation expected, LoweringScope env) {
        CheckedCall resolved = checked.call(call).orElseThrow(
                () -> new IllegalStateException("lowering a call the checker did not pass: " + call.callee().text()));
        Operation operation = resolved.operation();
        List<Param> params = operation.params();
        Expr by = resolved.by().orElse(null);
        List<Argument> args = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            Expr given = resolved.given(i);
            Value value = given == null ? param.defaultValue()
                    : exprs.lower(given, env, param.symbols(), StepLowerer::noCall);
            args.add(new Argument(param.name(), value));
        }
        String actor = actor(operation, args, by, env);
        if (binding != null) {
            String owner = operation == Operation.SPAWN || operation == Operation.FORK ? binding : actor;
            Value ref = new Value.Ref(binding, operation.result().orElseThrow());
            env.bind(binding, new LoweringScope.Entry(ref, owner, operation, null));
        }
        return new CallStep(pos, text, doc, operation, actor, args, binding, expected);
    }

    /** The process a call runs in: {@code by:}, its process argument, or the owner of its first argument. */
    private String actor(Operation operation, List<Argument> args, Expr by, LoweringScope env) {
        if (operation == Operation.SPAWN) {
            return null;
        }
        Value subject = by != null ? exprs.lower(by, env, SymbolSpace.NONE, StepLowerer::noCall) : args.get(0).value();
        if (!(subject instanceof Value.Ref ref)) {
            throw new IllegalStateException("the checker ensures the first argument is a binding: " + subject);
        }
        if (by != null || operation.takesProcess()) {
            return ref.name();
        }
        LoweringScope.Entry entry = env.lookup(ref.name());
        return entry == null || entry.owner() == null ? ref.name() : entry.owner();
    }

    private void check(Check check, LoweringScope env, String rowText) {
        Value predicate = exprs.lower(check.predicate(), env, SymbolSpace.NONE, call -> hoist(call, env, rowText));
        String text = printed(check) + rowText;
        add(new CheckStep(check.pos(), text, check.doc(), predicate));
    }

    /** A call inside a check runs as its own step (expected to succeed) just before the check. */
    private Value hoist(Expr.CallExpr call, LoweringScope env, String rowText) {
        String binding = "$" + (++hoisted);
        String text = printed(call) + rowText;
        add(call(call.pos(), text, List.of(), call.call(), binding, okEverywhere, env));
        return env.lookup(binding).value();
    }

    /** The shared text of a statement. */
    private String printed(Statement statement) {
        return printed.computeIfAbsent(statement, node -> SpecPrinter.print((Statement) node));
    }

    /** The shared text of a call inside a check. */
    private String printed(Expr.CallExpr call) {
        return printed.computeIfAbsent(call, node -> SpecPrinter.print((Expr) node));
    }

    private static Value noCall(Expr.CallExpr call) {
        throw new IllegalStateException("the checker allows calls only in checks: " + call);
    }

    private void loop(ForLoop loop, LoweringScope env, String rowText) {
        if (expansion.steps(loop) == 0) {
            return; // a body without steps: going through its rows would build nothing, however many
        }
        for (ForLoop.Row row : loop.rows()) {
            LoweringScope body = new LoweringScope(env);
            for (int i = 0; i < loop.variables().size(); i++) {
                Value value = exprs.lower(row.values().get(i), env, SymbolSpace.NONE, StepLowerer::noCall);
                body.bind(loop.variables().get(i).text(), new LoweringScope.Entry(value, null, null, null));
            }
            if (loop.outcomeVar() != null) {
                List<Expected> outcome = alternatives(row.outcome(), env);
                body.bind(loop.outcomeVar().text(), new LoweringScope.Entry(null, null, null, outcome));
            }
            statements(loop.body(), body, rowText + rowSuffix(loop, row));
        }
    }

    /** What a step in a loop shows after its own text: {@code " [off = 0, size = PAGE, want = ok]"}. */
    private static String rowSuffix(ForLoop loop, ForLoop.Row row) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < loop.variables().size(); i++) {
            shown.add(loop.variables().get(i).text() + " = " + SpecPrinter.print(row.values().get(i)));
        }
        if (loop.outcomeVar() != null) {
            shown.add(loop.outcomeVar().text() + " = " + SpecPrinter.print(row.outcome()));
        }
        return " [" + String.join(", ", shown) + "]";
    }

    private Expectation expectation(OutcomeClause outcome, LoweringScope env) {
        if (outcome instanceof OutcomeClause.Implicit) {
            return okEverywhere;
        } else if (outcome instanceof OutcomeClause.Alternatives alternatives) {
            return expectations.everywhere(profiles, alternatives(alternatives, env));
        }
        OutcomeClause.PerProfile block = (OutcomeClause.PerProfile) outcome;
        List<List<Expected>> byProfile = new ArrayList<>(profiles.size());
        for (String profile : profiles) {
            byProfile.add(alternatives(caseFor(block, profile), env));
        }
        return expectations.of(profiles, byProfile);
    }

    private static OutcomeClause.Alternatives caseFor(OutcomeClause.PerProfile block, String profile) {
        OutcomeClause.Alternatives fallback = null;
        for (OutcomeClause.ProfileCase c : block.cases()) {
            for (Name name : c.profiles()) {
                if (name.text().equals(profile)) {
                    return c.outcome();
                }
                if (name.text().equals("default")) {
                    fallback = c.outcome();
                }
            }
        }
        return fallback;
    }

    /** The outcomes the atoms name, without repeats, in the order written. */
    private static List<Expected> alternatives(OutcomeClause.Alternatives alternatives, LoweringScope env) {
        List<Expected> out = new ArrayList<>(alternatives.atoms().size());
        for (Name atom : alternatives.atoms()) {
            String text = atom.text();
            LoweringScope.Entry column = env.lookup(text);
            if (text.equals("ok")) {
                addNew(out, OK);
            } else if (column != null && column.outcome() != null) {
                column.outcome().forEach(expected -> addNew(out, expected));
            } else {
                Optional<Errno> errno = Errno.byName(text);
                addNew(out, errno.isPresent() ? new Expected.Fails(errno.get()) : new Expected.Raises(Signal.valueOf(text)));
            }
        }
        return out;
    }

    private static void addNew(List<Expected> out, Expected expected) {
        if (!out.contains(expected)) {
            out.add(expected);
        }
    }

    private void add(org.uapispec.grammar.model.Step step) {
        if (out.size() >= Lowerer.MAX_STEPS) {
            // Expansion counted the scenario before it was lowered; this is its backstop only.
            throw new IllegalStateException("scenario '" + scenario.title() + "' was counted to fit in "
                    + Lowerer.MAX_STEPS + " steps but lowers to more");
        }
        out.add(step);
    }
}
