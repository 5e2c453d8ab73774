package org.uapispec.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uapispec.api.Backend;
import org.uapispec.api.Errno;
import org.uapispec.api.FailureKind;
import org.uapispec.api.Outcome;
import org.uapispec.grammar.model.Bytes;
import org.uapispec.grammar.model.CallResult;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Invariant;
import org.uapispec.grammar.model.Operator;
import org.uapispec.grammar.model.Scenario;
import org.uapispec.grammar.model.SpecModel;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.Value;
import org.uapispec.linux.AgentException;
import org.uapispec.linux.KernelLog;
import org.uapispec.linux.Machine;

/**
 * One scenario on one {@link Target}, on a fresh backend: every step's outcome is checked against
 * what the spec expects on that profile and era, and every invariant of the spec after every step.
 * The first mismatch ends the run with a {@link ScenarioFailure} that names the step, its
 * {@code file:line}, what was expected and what came back, the steps run so far and the device state.
 *
 * <p>On a kernel with the model beside it, every step runs on both, each with its own bindings (a
 * handle, an address or a flink name is each backend's own), and before the spec's expectation is
 * looked at, the two answers must agree: the same errno or signal, or success on both (the values of
 * a success are not compared, since addresses and global names differ by machine); a check or an
 * invariant must be true on both or false on both. A difference is a {@link FailureKind#DISAGREEMENT}
 * with both answers, the kernel and the log lines the kernel printed.
 *
 * <p>A call with a retry list ({@code retry}, or the scenario's {@code retry [...]}) is made again
 * while it answers one of its errnos, as libdrm's drmIoctl does, on each backend on its own; the
 * answer is the first other one. A requirement ({@code require}) that does not hold skips the run
 * with a {@link RequirementUnmet} that says which step, where, what it expected and what came back.
 */
final class ScenarioRun {
    /**
     * How many times a call is made at most while it answers an errno it is retried on: libdrm
     * repeats without a limit, and a backend that never stops answering EAGAIN would hang the run.
     */
    static final int MAX_CALLS = 1000;

    /** One backend's side of a run: its bindings, its evaluator and its call binder. */
    private static final class Lane {
        final Backend backend;
        final Bindings env = new Bindings();
        final Evaluator eval;
        final CallBinder binder;

        Lane(Backend backend) {
            this.backend = backend;
            Lineage lineage = new Lineage();
            this.eval = new Evaluator(env, backend, lineage);
            this.binder = new CallBinder(backend, eval, env, lineage);
        }
    }

    private final SpecModel spec;
    private final Scenario scenario;
    private final Target target;
    private final String profile;
    /** The backend the test is about: the model, or the kernel. */
    private final Lane subject;
    /** On a kernel run on both: the model, answering as the kernel's era. */
    private final Optional<Lane> model;
    private final Optional<Machine.Session> session;
    private final RunListener listener;
    private final Trace trace = new Trace();
    /** The kernel's log lines read so far during the scenario. */
    private final List<String> kernelLog = new ArrayList<>();

    private ScenarioRun(SpecModel spec, Scenario scenario, Target target, Backend backend, Optional<Backend> model,
            Optional<Machine.Session> session, RunListener listener) {
        this.spec = spec;
        this.scenario = scenario;
        this.target = target;
        this.profile = target.profile();
        this.subject = new Lane(backend);
        this.model = model.map(Lane::new);
        this.session = session;
        this.listener = listener;
    }

    /**
     * A run of {@code scenario} on {@code target}, announced to {@code listener}.
     *
     * @param backend the backend under test: a new reference device, or the kernel's
     * @param model   on a kernel run on both, a new reference device answering as the kernel's era
     * @param session on a kernel, the machine's session, for its log lines
     * @param source  the spec's resource name or path, for report links
     */
    static ScenarioRun of(SpecModel spec, Scenario scenario, Target target, String source, Backend backend,
            Optional<Backend> model, Optional<Machine.Session> session, RunListener listener) {
        ScenarioRun run = new ScenarioRun(spec, scenario, target, backend, model, session, listener);
        run.listener.scenarioStarted(run.info(source));
        return run;
    }

    /** A run on a backend the caller made, with no report listener: for tests of the run itself. */
    static ScenarioRun on(SpecModel spec, Scenario scenario, String profile, Backend backend) {
        return new ScenarioRun(spec, scenario, Target.model(profile), backend, Optional.empty(), Optional.empty(),
                RunListener.NONE);
    }

    /** A run on {@code backend} compared with {@code model} at every step, with no listener: for tests. */
    static ScenarioRun compared(SpecModel spec, Scenario scenario, Target target, Backend backend, Backend model) {
        return new ScenarioRun(spec, scenario, target, backend, Optional.of(model), Optional.empty(), RunListener.NONE);
    }

    /**
     * The error a run ends in when its backend could not start (a kernel that did not boot), announced
     * to {@code listener} as the run and its failure.
     */
    static StepError couldNotStart(SpecModel spec, Scenario scenario, Target target, String source,
            RunListener listener, String why) {
        ScenarioRun run = new ScenarioRun(spec, scenario, target, null, Optional.empty(), Optional.empty(), listener);
        listener.scenarioStarted(run.info(source));
        Failure failure = new Failure(FailureKind.BACKEND_ERROR, scenario.pos().toString(), target.profile(),
                target.kernelLabel(), "", "", "a backend that runs", why, "", "", List.of(), List.of());
        listener.scenarioFailed(failure);
        return new StepError(failure, null);
    }

    /**
     * Ends a run that passed on a kernel that printed a WARN, an oops or a BUG while it ran: the
     * scenario's failure, with the log lines.
     */
    void kernelWarned(KernelLog log) {
        kernelLog.addAll(log.lines());
        List<String> taints = log.taints();
        Failure failure = new Failure(FailureKind.KERNEL_WARNING, scenario.pos().toString(), profile,
                target.kernelLabel(), "scenario \"" + scenario.title() + "\"", "", "no WARN, oops or BUG",
                String.join("; ", taints), trace.render(), state(), List.of(), kernelLog);
        listener.scenarioFailed(failure);
        throw ScenarioFailure.of(failure);
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
        } catch (ScenarioFailure | RequirementUnmet failureOrSkip) {
            throw failureOrSkip;
        } catch (Operator.DivisionByZero zero) {
            // A divisor the scenario computed as 0: the spec's own error, at its step.
            note(new Trace.Entry(step, zero.getMessage(), Trace.Status.FAILED));
            throw failure(FailureKind.REFUSED_VALUE, step, "", "a divisor other than 0", zero.getMessage());
        } catch (CallBinder.BadArgument | Bytes.TooLong refused) {
            // The spec computed a value that its call cannot carry (a 32-bit field given 33 bits, in
            // a call or an observation) or a byte string past the language's limit: the spec's own
            // error, at its step.
            note(new Trace.Entry(step, refused.getMessage(), Trace.Status.FAILED));
            throw failure(FailureKind.REFUSED_VALUE, step, "", "a value the call can carry", refused.getMessage());
        } catch (AgentException e) {
            // The machine went away or stopped answering: the kernel backend's failure, not the engine's.
            note(new Trace.Entry(step, "the kernel's agent failed: " + e.getMessage(), Trace.Status.FAILED));
            throw new StepError(failed(FailureKind.BACKEND_ERROR, step, "", "", e.getMessage()), e);
        } catch (RuntimeException | StackOverflowError e) {
            note(new Trace.Entry(step, "internal error: " + e, Trace.Status.FAILED));
            throw new StepError(failed(FailureKind.INTERNAL_ERROR, step, "", "", e.toString()), e);
        }
    }

    /** The backend's state (and the model's beside a kernel), or why it could not be described. */
    private String state() {
        String state = state(subject.backend);
        return model.map(m -> state + "\nthe model beside it:\n" + state(m.backend)).orElse(state);
    }

    private static String state(Backend backend) {
        if (backend == null) {
            return "";
        }
        try {
            return backend.describeState();
        } catch (RuntimeException e) {
            return "(the device state could not be described: " + e + ")";
        }
    }

    /** The kernel's log lines so far in the scenario: those read before and those printed since. */
    private List<String> kernelLog() {
        session.ifPresent(s -> {
            try {
                kernelLog.addAll(s.newLogLines());
            } catch (RuntimeException e) {
                kernelLog.add("(the kernel log could not be read: " + e.getMessage() + ")");
            }
        });
        return kernelLog;
    }

    private ScenarioInfo info(String source) {
        List<String> doc = new ArrayList<>(spec.doc());
        doc.addAll(scenario.doc());
        String description = scenario.description() == null || scenario.description().isBlank()
                ? spec.description() : scenario.description();
        List<String> catalogue = scenario.catalogue().isEmpty() ? spec.catalogue() : scenario.catalogue();
        return new ScenarioInfo(spec.title(), scenario.title(), profile, target.kernelLabel(), doc, description,
                scenario.tags(), catalogue, source, scenario.pos());
    }

    /** A call's last answer, and the errnos it answered before, on which it was made again. */
    private record Answer(Outcome<CallResult> outcome, List<Errno> retried) {
        /** The answer for messages, with the errnos before it: {@code ok, after EAGAIN}. */
        String describe() {
            String last = ScenarioRun.describe(outcome);
            return retried.isEmpty() ? last : last + ", after " + retriedText();
        }

        /** {@code EAGAIN}, {@code EAGAIN x3} or {@code EINTR, EAGAIN}: the errnos in order, repeats counted. */
        private String retriedText() {
            List<String> runs = new ArrayList<>();
            int i = 0;
            while (i < retried.size()) {
                int j = i;
                while (j < retried.size() && retried.get(j) == retried.get(i)) {
                    j++;
                }
                runs.add(retried.get(i).name() + (j - i > 1 ? " x" + (j - i) : ""));
                i = j;
            }
            return String.join(", ", runs);
        }
    }

    /** Makes the call on {@code lane}, again while it answers an errno of the step's retry list. */
    private static Answer call(Lane lane, Step.CallStep step) {
        Outcome<CallResult> outcome = lane.binder.call(step);
        if (step.retryOn().isEmpty()) {
            return new Answer(outcome, List.of());
        }
        List<Errno> retried = new ArrayList<>();
        while (outcome instanceof Outcome.Err<CallResult> err && step.retryOn().contains(err.errno())
                && retried.size() < MAX_CALLS - 1) {
            retried.add(err.errno());
            outcome = lane.binder.call(step);
        }
        return new Answer(outcome, retried);
    }

    private boolean runCall(Step.CallStep step) {
        Answer subjectAnswer;
        Answer modelAnswer;
        try {
            subjectAnswer = call(subject, step);
            modelAnswer = model.isPresent() ? call(model.get(), step) : subjectAnswer;
        } catch (Bindings.Unbound unbound) {
            skip(step, unbound);
            return false;
        }
        Outcome<CallResult> outcome = subjectAnswer.outcome();
        Outcome<CallResult> modelOutcome = modelAnswer.outcome();
        List<Expected> expected = step.expected().forTarget(profile, target.era());
        if (expected.isEmpty()) {
            expected = List.of(new Expected.Ok());
        }
        String actual = subjectAnswer.describe();
        String wanted = Outcomes.describe(expected);
        if (model.isPresent() && !Outcomes.sameAnswer(outcome, modelOutcome)) {
            note(new Trace.Entry(step, actual + ", the model: " + modelAnswer.describe(), Trace.Status.FAILED, wanted,
                    answer(outcome)));
            throw failure(FailureKind.DISAGREEMENT, step, "", modelAnswer.describe(), actual);
        }
        if (!Outcomes.matches(expected, outcome)) {
            if (step.required()) {
                note(new Trace.Entry(step, actual + " (requirement not met)", Trace.Status.SKIPPED, wanted,
                        answer(outcome)));
                throw unmet(step, "expects " + wanted + ", got " + actual);
            }
            note(new Trace.Entry(step, actual, Trace.Status.FAILED, wanted, answer(outcome)));
            throw failure(FailureKind.ERRNO_MISMATCH, step, "", wanted, actual);
        }
        note(new Trace.Entry(step, actual, Trace.Status.PASSED, wanted, answer(outcome)));
        if (outcome.isOk()) {
            bind(subject, step, outcome);
            model.ifPresent(m -> bind(m, step, modelOutcome));
        }
        return true;
    }

    private static void bind(Lane lane, Step.CallStep step, Outcome<CallResult> outcome) {
        forgetClosed(lane, step);
        step.bindingName().ifPresent(name -> lane.env.bind(name, outcome.value().primary(), outcome.value().fields()));
    }

    /**
     * A successful close (GEM_CLOSE, close(2), exit...) ends the resource it names: invariants stop
     * asking about it, while steps may still pass the stale value on purpose (close twice [10], use
     * after close [14]).
     */
    private static void forgetClosed(Lane lane, Step.CallStep step) {
        step.operation().closes().map(step::arg).ifPresent(value -> {
            if (value instanceof Value.Ref ref) {
                lane.env.markClosed(ref.name());
            }
        });
    }

    private boolean runCheck(Step.CheckStep step) {
        boolean holds;
        try {
            holds = subject.eval.test(step.predicate());
            if (model.isPresent() && model.get().eval.test(step.predicate()) != holds) {
                String detail = Outcomes.explain(step.predicate(), subject.eval);
                note(new Trace.Entry(step, holds + detail + ", on the model " + !holds, Trace.Status.FAILED));
                throw failure(FailureKind.DISAGREEMENT, step, "", Boolean.toString(!holds)
                        + Outcomes.explain(step.predicate(), model.get().eval), holds + detail);
            }
        } catch (Bindings.Unbound unbound) {
            skip(step, unbound);
            return false;
        }
        if (!holds && step.required()) {
            String detail = Outcomes.explain(step.predicate(), subject.eval);
            note(new Trace.Entry(step, "false" + detail + " (requirement not met)", Trace.Status.SKIPPED));
            throw unmet(step, "is false" + detail);
        }
        if (!holds) {
            String detail = Outcomes.explain(step.predicate(), subject.eval);
            note(new Trace.Entry(step, "false" + detail, Trace.Status.FAILED));
            throw failure(FailureKind.CHECK_FAILED, step, "", "true", "false" + detail);
        }
        note(new Trace.Entry(step, "true", Trace.Status.PASSED));
        return true;
    }

    private void checkInvariants(Step after) {
        for (Invariant invariant : spec.invariants()) {
            if (!invariant.names().stream().allMatch(subject.env::live)) {
                continue;
            }
            String named = "invariant '" + invariant.name() + "' (" + invariant.pos() + ": " + invariant.text() + ")";
            boolean holds;
            try {
                holds = subject.eval.test(invariant.predicate());
                if (model.isPresent() && model.get().eval.test(invariant.predicate()) != holds) {
                    throw failure(FailureKind.DISAGREEMENT, after, named, Boolean.toString(!holds)
                            + Outcomes.explain(invariant.predicate(), model.get().eval),
                            holds + Outcomes.explain(invariant.predicate(), subject.eval));
                }
            } catch (Bindings.Unbound unbound) {
                continue;
            }
            if (!holds) {
                String detail = Outcomes.explain(invariant.predicate(), subject.eval);
                throw failure(FailureKind.INVARIANT_VIOLATED, after, named, "true", "false" + detail);
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

    /** The skip of a run whose requirement {@code step} did not hold: where, on what, and why. */
    private RequirementUnmet unmet(Step step, String why) {
        String on = target.kernelLabel().isEmpty() ? profile : profile + " on " + target.kernelLabel();
        return new RequirementUnmet("requirement not met on " + on + ": " + step.text() + " (" + step.pos() + ") "
                + why);
    }

    /** The failure at {@code step}, with the steps run so far and the device state, described once. */
    private Failure failed(FailureKind kind, Step step, String invariant, String expected, String actual) {
        return new Failure(kind, step.pos().toString(), profile, target.kernelLabel(), step.text(), invariant, expected,
                actual, trace.render(), state(), List.of(), List.copyOf(kernelLog()));
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
