package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import org.uapispec.api.Backend;
import org.uapispec.api.FailureKind;
import org.uapispec.api.Outcome;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.CallResult;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Invariant;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;

/**
 * One scenario on one profile, on a fresh backend: every step's outcome is checked against what the
 * spec expects on that profile, and every invariant of the spec after every step. The first
 * mismatch ends the run with a {@link ScenarioFailure} that names the step, its {@code file:line},
 * what was expected and what came back, the steps run so far and the device state.
 */
final class ScenarioRun {
    private final SpecModel spec;
    private final Scenario scenario;
    private final String profile;
    private final Backend backend;
    private final RunListener listener;
    private final Bindings env = new Bindings();
    private final Trace trace = new Trace();
    private final Evaluator eval;
    private final CallBinder binder;

    private ScenarioRun(SpecModel spec, Scenario scenario, String profile, Backend backend, RunListener listener) {
        this.spec = spec;
        this.scenario = scenario;
        this.profile = profile;
        this.backend = backend;
        this.listener = listener;
        Lineage lineage = new Lineage();
        this.eval = new Evaluator(env, backend, lineage);
        this.binder = new CallBinder(backend, eval, env, lineage);
    }

    /**
     * A run of {@code scenario} on {@code profile} with a new backend from {@code context}.
     *
     * @param source the spec's resource name or path, for report links
     */
    public static ScenarioRun of(SpecModel spec, Scenario scenario, String profile, String source,
            RunContext context) {
        ScenarioRun run = new ScenarioRun(spec, scenario, profile, context.newBackend(profile), context.listener());
        run.listener.scenarioStarted(run.info(source));
        return run;
    }

    /** A run on a backend the caller made, with no report listener: for tests of the run itself. */
    static ScenarioRun on(SpecModel spec, Scenario scenario, String profile, Backend backend) {
        return new ScenarioRun(spec, scenario, profile, backend, RunListener.NONE);
    }

    /**
     * Runs every step; returns the trace, or throws the first failure ({@link ScenarioFailure}), or a
     * {@link StepError} when a step broke the engine or the backend.
     */
    public Trace run() {
        try {
            for (Step step : scenario.allSteps()) {
                runContained(step);
            }
            return trace;
        } catch (ScenarioFailure failure) {
            listener.scenarioFailed(failure.failure());
            throw failure;
        } catch (StepError error) {
            listener.scenarioFailed(error.failure());
            throw error;
        }
    }

    /**
     * One step and the invariants after it. Whatever a step's values make the engine or the backend
     * throw ends this test with the step's position, never the run: out-of-memory errors aside,
     * which the platform rethrows, and which the device and the byte-string limit keep from
     * happening.
     */
    private void runContained(Step step) {
        try {
            boolean ran = step instanceof Step.CallStep call ? runCall(call) : runCheck((Step.CheckStep) step);
            if (ran) {
                checkInvariants(step);
            }
        } catch (ScenarioFailure failure) {
            throw failure;
        } catch (CallBinder.BadArgument | Bytes.TooLong refused) {
            // The spec computed a value that its call cannot carry (a 32-bit field given 33 bits, in
            // a call or an observation) or a byte string past the language's limit: the spec's own
            // error, at its step.
            note(new Trace.Entry(step, refused.getMessage(), Trace.Status.FAILED));
            throw failure(FailureKind.REFUSED_VALUE, step, "", "a value the call can carry", refused.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            note(new Trace.Entry(step, "internal error: " + e, Trace.Status.FAILED));
            throw new StepError(failed(FailureKind.INTERNAL_ERROR, step, "", "", e.toString()), e);
        }
    }

    /** The backend's state, or why it could not be described. */
    private String state() {
        try {
            return backend.describeState();
        } catch (RuntimeException e) {
            return "(the device state could not be described: " + e + ")";
        }
    }

    private ScenarioInfo info(String source) {
        List<String> doc = new ArrayList<>(spec.doc());
        doc.addAll(scenario.doc());
        String description = scenario.description() == null || scenario.description().isBlank()
                ? spec.description() : scenario.description();
        List<String> catalogue = scenario.catalogue().isEmpty() ? spec.catalogue() : scenario.catalogue();
        return new ScenarioInfo(spec.title(), scenario.title(), profile, doc, description, scenario.tags(),
                catalogue, source, scenario.pos());
    }

    private boolean runCall(Step.CallStep step) {
        Outcome<CallResult> outcome;
        try {
            outcome = binder.call(step);
        } catch (Bindings.Unbound unbound) {
            skip(step, unbound);
            return false;
        }
        List<Expected> expected = step.expected().forProfile(profile);
        if (expected.isEmpty()) {
            expected = List.of(new Expected.Ok());
        }
        String actual = describe(outcome);
        String wanted = Outcomes.describe(expected);
        if (!Outcomes.matches(expected, outcome)) {
            note(new Trace.Entry(step, actual, Trace.Status.FAILED, wanted, answer(outcome)));
            throw failure(FailureKind.ERRNO_MISMATCH, step, "", wanted, actual);
        }
        note(new Trace.Entry(step, actual, Trace.Status.PASSED, wanted, answer(outcome)));
        if (outcome.isOk()) {
            forgetClosed(step);
            step.bindingName().ifPresent(name -> env.bind(name, outcome.value().primary(), outcome.value().fields()));
        }
        return true;
    }

    /**
     * A successful close (GEM_CLOSE, close(2), exit...) ends the resource it names: invariants stop
     * asking about it, while steps may still pass the stale value on purpose (close twice [10], use
     * after close [14]).
     */
    private void forgetClosed(Step.CallStep step) {
        step.operation().closes().map(step::arg).ifPresent(value -> {
            if (value instanceof Value.Ref ref) {
                env.markClosed(ref.name());
            }
        });
    }

    private boolean runCheck(Step.CheckStep step) {
        boolean holds;
        try {
            holds = eval.test(step.predicate());
        } catch (Bindings.Unbound unbound) {
            skip(step, unbound);
            return false;
        }
        if (!holds) {
            String detail = Outcomes.explain(step.predicate(), eval);
            note(new Trace.Entry(step, "false" + detail, Trace.Status.FAILED));
            throw failure(FailureKind.CHECK_FAILED, step, "", "true", "false" + detail);
        }
        note(new Trace.Entry(step, "true", Trace.Status.PASSED));
        return true;
    }

    private void checkInvariants(Step after) {
        for (Invariant invariant : spec.invariants()) {
            if (!invariant.names().stream().allMatch(env::live)) {
                continue;
            }
            boolean holds;
            try {
                holds = eval.test(invariant.predicate());
            } catch (Bindings.Unbound unbound) {
                continue;
            }
            if (!holds) {
                String detail = Outcomes.explain(invariant.predicate(), eval);
                throw failure(FailureKind.INVARIANT_VIOLATED, after,
                        "invariant '" + invariant.name() + "' (" + invariant.pos() + ": " + invariant.text() + ")",
                        "true", "false" + detail);
            }
        }
    }

    private void note(Trace.Entry entry) {
        trace.add(entry);
        listener.stepFinished(entry);
    }

    private void skip(Step step, Bindings.Unbound unbound) {
        note(new Trace.Entry(step,
                "skipped: '" + unbound.getMessage() + "' is not bound on " + profile, Trace.Status.SKIPPED));
    }

    /** The failure at {@code step}, with the steps run so far and the device state, described once. */
    private Failure failed(FailureKind kind, Step step, String invariant, String expected, String actual) {
        return new Failure(kind, step.pos().toString(), profile, step.text(), invariant, expected, actual,
                trace.render(), state(), List.of());
    }

    private ScenarioFailure failure(FailureKind kind, Step step, String invariant, String expected, String actual) {
        return ScenarioFailure.of(failed(kind, step, invariant, expected, actual));
    }

    /** The kernel's answer alone, for reports: {@code ok}, an errno's or a signal's name; empty if refused. */
    private static String answer(Outcome<CallResult> outcome) {
        if (outcome instanceof Outcome.Ok<CallResult>) {
            return "ok";
        }
        if (outcome instanceof Outcome.Err<CallResult> err) {
            return err.errno().name();
        }
        if (outcome instanceof Outcome.Sig<CallResult> sig) {
            return sig.signal().name();
        }
        return "";
    }

    private static String describe(Outcome<CallResult> outcome) {
        if (outcome instanceof Outcome.Ok<CallResult> ok) {
            CallResult bound = ok.value();
            return bound.hasResult() ? "ok (" + Values.show(bound.primary()) + ")" : "ok";
        }
        if (outcome instanceof Outcome.Err<CallResult> err) {
            return err.errno().name() + " (" + err.errno().number() + ", " + err.errno().description() + ")";
        }
        return outcome.toString();
    }
}
