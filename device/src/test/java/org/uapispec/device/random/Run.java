package org.uapispec.device.random;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.uapispec.api.Backend;
import org.uapispec.api.Errno;
import org.uapispec.api.Outcome;
import org.uapispec.api.Pid;
import org.uapispec.device.profile.Profile;
import org.uapispec.device.reference.ReferenceDevice;

/**
 * One random sequence on one profile: a fresh reference device driven only through the backend
 * interface, the test's {@link Shadow} of it, and the steps run so far for the failure message.
 */
final class Run {
    /** How many steps the failure message shows. */
    private static final int HISTORY = 40;
    /** Where a step's description ends its call name. */
    private static final Pattern CALL_NAME = Pattern.compile("[ (:\\[]");
    /** Pids the device never issues (it numbers from 100). */
    private static final int[] UNKNOWN_PIDS = {0, 1, 7, 99, -1, Integer.MAX_VALUE, 1_000_000};

    final Profile profile;
    final Backend backend;
    final Shadow shadow;
    final Pick pick;
    private final Deque<String> history = new ArrayDeque<>();
    /** Per call name, how often each kind of outcome came back (-Duapispec.fuzz.stats=true prints it). */
    private final Map<String, Map<String, Integer>> stats = new TreeMap<>();
    private final FileSteps files;
    private final List<Step> steps;
    private long count;

    /** One kind of step, run in a process the run chose (live, exited or never started). */
    interface Step {
        void run(Shadow.Proc proc);
    }

    Run(Profile profile, long seed) {
        this.profile = profile;
        this.backend = new ReferenceDevice(profile);
        this.shadow = new Shadow(2);
        this.pick = new Pick(seed);
        this.files = new FileSteps(this);
        List<Step> all = new ArrayList<>();
        files.register(all);
        new IoctlSteps(this).register(all);
        new MemorySteps(this).register(all);
        this.steps = List.copyOf(all);
    }

    /** Runs one step; a broken check throws {@link AssertionError}. */
    void step() {
        count++;
        Shadow.Proc proc = chooseProcess();
        pick.of(steps).run(proc);
    }

    long count() {
        return count;
    }

    FileSteps files() {
        return files;
    }

    /** A live process mostly; now and then an exited one, or a pid never issued. */
    private Shadow.Proc chooseProcess() {
        List<Shadow.Proc> alive = shadow.alive;
        if (alive.isEmpty() || alive.size() < 2 && pick.chance(30)) {
            return files.spawnRoot();
        }
        if (pick.chance(4)) {
            List<Shadow.Proc> dead = shadow.exited;
            if (!dead.isEmpty() && pick.chance(70)) {
                return pick.of(dead);
            }
            Shadow.Proc unknown = new Shadow.Proc(UNKNOWN_PIDS[pick.below(UNKNOWN_PIDS.length)]);
            unknown.alive = false;
            return unknown;
        }
        return pick.of(alive);
    }

    /**
     * Makes one backend call: records it for the failure message, turns an escaping exception into a
     * failure, and checks that a process that is not alive answers ESRCH.
     */
    <T> Outcome<T> call(Shadow.Proc proc, String what, Supplier<Outcome<T>> call) {
        Outcome<T> outcome;
        try {
            outcome = call.get();
        } catch (RuntimeException | Error e) {
            note(proc, what, "threw " + e);
            throw new AssertionError("an exception escaped from " + what + " in pid " + proc.pid, e);
        }
        note(proc, what, String.valueOf(outcome));
        stats.computeIfAbsent(CALL_NAME.split(what, 2)[0], k -> new TreeMap<>())
                .merge(outcome.isOk() ? "ok" : String.valueOf(outcome), 1, Integer::sum);
        if (!proc.alive) {
            expect(isErrno(outcome, Errno.ESRCH), "pid %d is not alive, so %s must be ESRCH", proc.pid, what);
        }
        return outcome;
    }

    static Pid pid(Shadow.Proc proc) {
        return new Pid(proc.pid);
    }

    static boolean isErrno(Outcome<?> outcome, Errno errno) {
        return outcome instanceof Outcome.Err<?> err && err.errno() == errno;
    }

    /** Fails the run with a message. */
    static void expect(boolean holds, String format, Object... args) {
        if (!holds) {
            throw new AssertionError(String.format(format, args));
        }
    }

    private void note(Shadow.Proc proc, String what, String outcome) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(count + ": pid " + proc.pid + " " + what + " -> " + outcome);
    }

    /** How often each call got each kind of answer, one call per line. */
    String stats() {
        StringBuilder out = new StringBuilder();
        stats.forEach((call, outcomes) -> out.append(call).append(' ').append(outcomes).append('\n'));
        return out.toString();
    }

    /** The last steps, oldest first, one per line. */
    String history() {
        return String.join("\n", history);
    }
}
