package org.uapispec.grammar.lower;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.ast.ScenarioDecl;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.check.CheckResult;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.model.Observation;

/**
 * How many model steps statements expand to, counted on the syntax tree before any step is built:
 * a step or a check is one plus the calls nested in it, a loop its rows times its body. Nested loops
 * multiply, so the counts saturate at {@link Long#MAX_VALUE} instead of wrapping. Lowering asks
 * first and builds nothing for a scenario over {@link Lowerer#MAX_STEPS}: its cost stays bounded by
 * the steps it may build, not by the product of the rows (a 1 KB file of nested loops would
 * otherwise take as long as 10^12 steps, or until the cap had been built).
 */
final class Expansion {
    private static final long UNKNOWN = -1;

    /** Loops counted so far: the setup's are asked again for every scenario, a loop body once per row. */
    private final Map<ForLoop, Long> loops = new IdentityHashMap<>();
    /** The integers of each range loop. */
    private final CheckResult checked;

    Expansion(CheckResult checked) {
        this.checked = checked;
    }

    long steps(List<Statement> statements) {
        long sum = 0;
        for (Statement statement : statements) {
            sum = add(sum, steps(statement));
        }
        return sum;
    }

    long steps(Statement statement) {
        if (statement instanceof CallStatement step) {
            long sum = 1;
            for (Call.Arg arg : step.call().args()) {
                sum = add(sum, hoisted(arg.value()));
            }
            return sum;
        } else if (statement instanceof Check check) {
            return 1 + hoisted(check.predicate());
        }
        ForLoop loop = (ForLoop) statement;
        long known = loops.getOrDefault(loop, UNKNOWN);
        if (known == UNKNOWN) {
            known = multiply(rows(loop), steps(loop.body()));
            loops.put(loop, known);
        }
        return known;
    }

    /** How many rows the loop has: those written, or the integers of its range. */
    private long rows(ForLoop loop) {
        long[] range = loop.range() == null ? null : checked.range(loop);
        if (range == null) {
            return loop.rows().size();
        }
        long count = range[1] - range[0];
        return range[1] <= range[0] ? 0 : count < 0 ? Long.MAX_VALUE : count; // past Long.MAX_VALUE, it wrapped
    }

    /**
     * Whether the scenario, its setup first, fits in {@link Lowerer#MAX_STEPS}; if not, one error
     * at the first loop that alone expands too far, else at the statement that brings the total
     * over, else (plain steps only) at the scenario. {@code setupSteps} is {@code steps(setup)},
     * counted once for all the scenarios.
     */
    boolean fits(ScenarioDecl scenario, List<Statement> setup, long setupSteps, Diagnostics diagnostics) {
        long total = add(setupSteps, steps(scenario.statements()));
        if (total <= Lowerer.MAX_STEPS) {
            return true;
        }
        long sum = 0;
        for (List<Statement> part : List.of(setup, scenario.statements())) {
            for (Statement statement : part) {
                long steps = steps(statement);
                sum = add(sum, steps);
                if (statement instanceof ForLoop loop && steps > Lowerer.MAX_STEPS) {
                    diagnostics.error(loop.pos(), "loop over " + variables(loop) + " expands to " + count(steps)
                            + " steps, more than the " + Lowerer.MAX_STEPS + " a scenario may have");
                    return false;
                }
                if (sum > Lowerer.MAX_STEPS && statement instanceof ForLoop) {
                    diagnostics.error(statement.pos(), overScenario(scenario, total) + "; this loop makes "
                            + count(steps) + " of them");
                    return false;
                }
            }
        }
        diagnostics.error(scenario.pos(), overScenario(scenario, total));
        return false;
    }

    private static String overScenario(ScenarioDecl scenario, long total) {
        return "scenario '" + scenario.title() + "' expands to " + count(total) + " steps, more than the "
                + Lowerer.MAX_STEPS + " it may have";
    }

    /** How a message names a loop: by its variables, {@code 'off', 'size'}. */
    private static String variables(ForLoop loop) {
        StringJoiner names = new StringJoiner(", ");
        loop.variables().forEach(v -> names.add("'" + v.text() + "'"));
        loop.outcomeVariable().ifPresent(v -> names.add("'" + v.text() + "'"));
        return names.toString();
    }

    private static String count(long steps) {
        return steps == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(steps);
    }

    /**
     * The calls a check or a call's arguments run as steps of their own: every call but the
     * observations, with the calls nested in their arguments.
     */
    private static long hoisted(Expr expr) {
        if (expr instanceof Expr.CallExpr call) {
            long sum = Observation.byName(call.call().callee().text()).isEmpty() ? 1 : 0;
            for (var arg : call.call().args()) {
                sum = add(sum, hoisted(arg.value()));
            }
            return sum;
        } else if (expr instanceof Expr.Unary u) {
            return hoisted(u.operand());
        } else if (expr instanceof Expr.Binary b) {
            return add(hoisted(b.left()), hoisted(b.right()));
        } else if (expr instanceof Expr.ListLit l) {
            long sum = 0;
            for (Expr item : l.items()) {
                sum = add(sum, hoisted(item));
            }
            return sum;
        }
        return 0;
    }

    /** Both are counts, so at least 0: only overflow past the top needs care. */
    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long multiply(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }
}
