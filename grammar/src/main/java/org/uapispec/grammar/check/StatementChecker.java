package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.uapispec.grammar.ast.Check;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.api.Errno;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.OutcomeClause;
import org.uapispec.grammar.ast.Statement;
import org.uapispec.grammar.ast.CallStatement;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.InternalFailure;
import org.uapispec.grammar.model.Expected;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.ProfileSelection;
import org.uapispec.grammar.model.Step;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.ValueType;

/** Walks statements in order: types every step and check, tracks bindings and closes, checks loops. */
final class StatementChecker {
    private final Diagnostics diagnostics;
    private final ExprChecker exprs;
    private final CallChecker calls;
    private final OutcomeChecker outcomes;
    private final Set<String> invariantNames;
    private final Resolutions resolved;
    /** Computes range bounds as constants are computed, from the spec's constants. */
    private final ConstantChecker bounds;
    /** What the ioctl steps being checked are made again on: the scenario's retry list, or the spec's. */
    private Set<Errno> retryOn = Set.of();

    StatementChecker(Diagnostics diagnostics, Set<String> invariantNames, Resolutions resolved) {
        this.diagnostics = diagnostics;
        this.resolved = resolved;
        this.bounds = new ConstantChecker(diagnostics, resolved.constants);
        this.exprs = new ExprChecker(diagnostics, resolved);
        this.calls = new CallChecker(diagnostics, exprs, resolved);
        this.outcomes = new OutcomeChecker(diagnostics, resolved);
        this.invariantNames = invariantNames;
        exprs.setCalls(calls);
    }

    ExprChecker exprs() {
        return exprs;
    }

    /** The retry list of the statements checked next: the spec's for the setup, then each scenario's. */
    void retryOn(Set<Errno> errnos) {
        this.retryOn = errnos;
    }

    void statements(List<Statement> statements, Scope scope, ProfileSelection profiles) {
        for (Statement statement : statements) {
            try {
                statement(statement, scope, profiles);
            } catch (RuntimeException | StackOverflowError e) {
                InternalFailure.report(diagnostics, statement.pos(), "checking this " + statement.kind(), e);
            }
        }
    }

    private void statement(Statement statement, Scope scope, ProfileSelection profiles) {
        if (statement instanceof CallStatement step) {
            step(step, scope, profiles);
        } else if (statement instanceof Check check) {
            check(check, scope);
        } else if (statement instanceof ForLoop loop) {
            loop(loop, scope, profiles);
        }
    }

    private void step(CallStatement step, Scope scope, ProfileSelection profiles) {
        boolean mayBeOk = outcomes.check(step.outcome(), scope, profiles);
        CheckedCall resolved = calls.check(step.call(), scope, mayBeOk);
        if (resolved == null) {
            bindAfterError(step, scope);
            return;
        }
        Operation operation = resolved.operation();
        retried(step, operation);
        if (mayBeOk) {
            close(step, resolved, scope);
        }
        if (step.binding() == null) {
            return;
        }
        Name binding = step.binding();
        ValueType result = operation.result().orElse(null);
        if (result == null) {
            diagnostics.error(binding.pos(), "call '" + operation.languageName() + "' has no result to bind to '"
                    + binding.text() + "'");
        } else if (!mayBeOk) {
            diagnostics.error(binding.pos(), "'" + binding.text() + "' is bound but the step never succeeds");
        } else if (step.index() != null) {
            indexed(step, result, operation, resolved.actor().orElse(null), scope);
        } else {
            Expr file = resolved.value("file");
            String fileName = file instanceof Expr.NameRef ref ? ref.name() : null;
            // A process owns itself: spawn runs in no process, fork in its parent.
            Actor self = new Actor.Named(binding.text());
            Actor owner = operation == Operation.FORK ? self : resolved.actor().orElse(self);
            refuseConstantName(binding);
            Binding earlier = scope.lookup(binding.text());
            if (earlier != null && earlier.indexed) {
                diagnostics.error(binding.pos(), "'" + binding.text() + "' holds one value per index (bound at "
                        + earlier.decl.pos().lineAndColumn() + "); a single value needs a name of its own");
                return;
            }
            scope.bind(Binding.bound(binding, result, operation, fileName, owner));
        }
    }

    /**
     * {@code h[i] = call(...)}: the name is bound in the setup's or the scenario's scope, so that the
     * values a loop binds are there after it, one per index; its index is known before the run.
     * Processes are not indexed: which process runs a call must be known when the call is checked.
     */
    private void indexed(CallStatement step, ValueType result, Operation operation, Actor owner, Scope scope) {
        Name binding = step.binding();
        boolean known = exprs.checkIndex(step.index(), binding.text(), scope);
        if (result == ValueType.PROCESS) {
            diagnostics.error(binding.pos(), "a process cannot be indexed: bind each in a step of its own");
            return;
        }
        refuseConstantName(binding);
        Binding earlier = scope.lookup(binding.text());
        if (earlier == null) {
            Binding made = Binding.indexed(binding, result, operation, owner);
            if (!known) {
                made.markUsed(); // its index has an error: no follow-up warning
            }
            scope.statementsScope().bind(made);
        } else if (!earlier.indexed) {
            diagnostics.error(binding.pos(), "'" + binding.text() + "' is one value, bound at "
                    + earlier.decl.pos().lineAndColumn() + "; an indexed binding needs a name of its own");
        } else if (earlier.type != result) {
            diagnostics.error(binding.pos(), "'" + binding.text() + "[...]' holds " + earlier.type + " values (bound at "
                    + earlier.decl.pos().lineAndColumn() + "), and '" + operation.languageName() + "' gives " + result);
        }
    }

    /**
     * Only ioctls are made again ({@code retry} on {@code mmap} is an error), and a step that is made
     * again on an errno never answers it: an outcome naming it could never be met.
     */
    private void retried(CallStatement step, Operation operation) {
        if (step.retried() && !operation.isIoctl()) {
            diagnostics.error(step.pos(), "'retry' makes an ioctl again as libdrm's drmIoctl does; '"
                    + operation.languageName() + "' is a system call");
            return;
        }
        Set<Errno> on = step.retried() ? Step.LIBDRM_RETRY : operation.isIoctl() ? retryOn : Set.of();
        if (on.isEmpty()) {
            return;
        }
        String why = step.retried() ? "'retry' makes the call again while it answers "
                : "the retry list makes every ioctl again while it answers ";
        String errnos = String.join(" or ", on.stream().sorted().map(Errno::name).toList());
        for (OutcomeClause.Alternatives alternatives : alternatives(step.outcome())) {
            if (!(resolved.outcomes.get(alternatives) instanceof CheckedOutcome.Fixed)) {
                continue; // an outcome column, or an error already reported
            }
            for (Name atom : alternatives.atoms()) {
                if (OutcomeChecker.known(atom.text()) instanceof Expected.Fails fails && on.contains(fails.errno())) {
                    diagnostics.error(atom.pos(), "'" + atom.text() + "' is never this step's answer: " + why + errnos);
                }
            }
        }
    }

    /** The alternatives of an outcome clause: itself, or each case of a per-profile block. */
    private static List<OutcomeClause.Alternatives> alternatives(OutcomeClause outcome) {
        if (outcome instanceof OutcomeClause.Alternatives alternatives) {
            return List.of(alternatives);
        } else if (outcome instanceof OutcomeClause.PerProfile block) {
            return block.cases().stream().map(OutcomeClause.ProfileCase::outcome).toList();
        }
        return List.of();
    }

    /**
     * A binding may not take the name of a constant that holds everywhere ({@code PAGE}): every later
     * use of the name would mean the binding, silently.
     */
    private void refuseConstantName(Name name) {
        Long constant = SymbolSpace.GLOBALS.containsKey(name.text()) ? SymbolSpace.GLOBALS.get(name.text())
                : resolved.constants.get(name.text());
        if (constant != null) {
            diagnostics.error(name.pos(), "'" + name.text() + "' is a constant (" + constant
                    + "); a binding may not take its name");
        }
    }

    /**
     * A step with errors still binds its name (typed by the call table when the call is known, else
     * poisoned), so that later uses give no follow-up "unknown name" errors.
     */
    private static void bindAfterError(CallStatement step, Scope scope) {
        if (step.binding() == null) {
            return;
        }
        Operation operation = Operation.byName(step.call().callee().text()).orElse(null);
        ValueType type = operation == null ? null : operation.result().orElse(null);
        if (step.index() != null) {
            if (scope.lookup(step.binding().text()) == null && type != null && type != ValueType.PROCESS) {
                Binding binding = Binding.indexed(step.binding(), type, operation, null);
                binding.markUsed();
                scope.statementsScope().bind(binding);
            }
            return;
        }
        Binding binding = Binding.afterError(step.binding(), type, operation);
        binding.markUsed();
        scope.bind(binding);
    }

    /** gem_close and dumb_destroy close a handle, close an fd (and a file's handles), exit a process. */
    private void close(CallStatement step, CheckedCall resolved, Scope scope) {
        String param = resolved.operation().closes().orElse(null);
        if (param == null || !(resolved.value(param) instanceof Expr.NameRef ref)) {
            return;
        }
        Binding closed = scope.lookup(ref.name());
        if (closed == null || closed.type == null || !closed.type.isClosable()) {
            // An int binding passed as a raw number is a number: closing fd 9999 closes no binding.
            return;
        }
        String verb = closed.type == ValueType.PROCESS ? "exit" : "close";
        closed.close(step.pos(), verb);
        if (closed.type == ValueType.FILE) {
            scope.visible().stream()
                    .filter(b -> b.type == ValueType.HANDLE && ref.name().equals(b.file))
                    .forEach(b -> b.close(step.pos(), "close"));
        }
    }

    private void check(Check check, Scope scope) {
        ValueType type = exprs.type(check.predicate(), scope, SymbolSpace.NONE, Mode.CHECK);
        if (type != null && type != ValueType.BOOL) {
            diagnostics.error(check.predicate().pos(), (check.required() ? "require" : "check") + " needs a bool, got "
                    + type);
        }
    }

    private void loop(ForLoop loop, Scope scope, ProfileSelection profiles) {
        List<ValueType> columns = loop.range() != null ? range(loop) : columnTypes(loop, scope);
        boolean rowsMayBeOk = loop.rows().isEmpty();
        for (ForLoop.Row row : loop.rows()) {
            // A row of the wrong width has its error already (columnTypes); its outcome is not judged.
            if (row.values().size() == loop.variables().size()) {
                rowsMayBeOk |= rowOutcome(loop, row, profiles);
            }
        }
        Scope body = new Scope(scope);
        for (int i = 0; i < loop.variables().size(); i++) {
            Name variable = loop.variables().get(i);
            Binding earlier = body.lookupOwn(variable.text());
            if (earlier != null) {
                diagnostics.error(variable.pos(), "duplicate loop variable '" + variable.text() + "', first declared at "
                        + earlier.decl.pos().lineAndColumn());
            }
            refuseConstantName(variable);
            body.bind(Binding.column(variable, columns.get(i), loop, i));
        }
        if (loop.outcomeVar() != null && body.lookupOwn(loop.outcomeVar().text()) != null) {
            diagnostics.error(loop.outcomeVar().pos(), "duplicate loop variable '" + loop.outcomeVar().text()
                    + "', first declared at " + body.lookupOwn(loop.outcomeVar().text()).decl.pos().lineAndColumn());
        }
        if (loop.outcomeVar() != null) {
            Binding column = Binding.outcomeColumn(loop.outcomeVar(), loop);
            column.outcomeMayBeOk = rowsMayBeOk;
            body.bind(column);
        }
        statements(loop.body(), body, profiles);
        reportUnused(body);
    }

    /**
     * A range loop's one column of integers, whose bounds are known before the run (numbers and
     * constants); its integers are recorded for lowering.
     */
    private List<ValueType> range(ForLoop loop) {
        ForLoop.Range range = loop.range();
        if (loop.variables().size() > 1) {
            diagnostics.error(loop.variables().get(1).pos(), "a range gives one integer per row, and the loop has "
                    + loop.variables().size() + " columns");
        }
        if (loop.outcomeVar() != null) {
            diagnostics.error(loop.outcomeVar().pos(), "a range has no outcomes for column '"
                    + loop.outcomeVar().text() + "': write the rows in brackets");
        }
        Long from = bounds.rangeBound(range.from());
        Long to = bounds.rangeBound(range.to());
        if (from != null && to != null) {
            resolved.ranges.put(loop, new long[] {from, to});
            if (to <= from) {
                diagnostics.warning(range.pos(), "loop over no rows: the range from " + from + " up to " + to
                        + " holds no integer");
            }
        }
        List<ValueType> columns = new ArrayList<>();
        loop.variables().forEach(v -> columns.add(ValueType.INT));
        return columns;
    }

    /** The type of each value column, from the first row; every row must match it. */
    private List<ValueType> columnTypes(ForLoop loop, Scope scope) {
        int width = loop.variables().size();
        List<ValueType> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add(null);
        }
        if (loop.rows().isEmpty()) {
            diagnostics.warning(loop.pos(), "loop over no rows");
        }
        List<Set<SymbolSpace>> spaces = new ArrayList<>(width);
        for (Name variable : loop.variables()) {
            spaces.add(ColumnSpaces.of(variable, loop.body()));
        }
        for (ForLoop.Row row : loop.rows()) {
            if (row.values().size() != width) {
                diagnostics.error(row.pos(), "row has " + row.values().size() + " value" + (row.values().size() == 1 ? "" : "s")
                        + ", the loop has " + width + " column" + (width == 1 ? "" : "s"));
                continue;
            }
            for (int i = 0; i < width; i++) {
                String column = loop.variables().get(i).text();
                if (symbolOfSeveral(row.values().get(i), column, spaces.get(i), scope)) {
                    continue;
                }
                ValueType type = exprs.type(row.values().get(i), scope, ColumnSpaces.single(spaces.get(i)), Mode.VALUE);
                if (type == null) {
                    continue;
                }
                if (columns.get(i) == null) {
                    columns.set(i, type);
                } else if (columns.get(i) != type) {
                    diagnostics.error(row.values().get(i).pos(), "value of '" + column + "' is " + type
                            + " here but " + columns.get(i) + " in the first row");
                }
            }
        }
        columns.replaceAll(t -> t == null ? ValueType.INT : t);
        return columns;
    }

    /**
     * Reports a symbol in a row of a column that goes to parameters of several spaces ({@code both}
     * passed as a prime flag and as a prot): which of its meanings the row has cannot be told.
     */
    private boolean symbolOfSeveral(Expr value, String column, Set<SymbolSpace> spaces, Scope scope) {
        if (spaces.size() < 2) {
            return false;
        }
        boolean[] reported = {false};
        Names.forEach(value, name -> {
            if (!reported[0] && scope.lookup(name) == null && spaces.stream().anyMatch(s -> s.lookup(name).isPresent())) {
                diagnostics.error(value.pos(), "'" + name + "' in a row of '" + column + "' could be "
                        + String.join(" or ", spaces.stream().map(SymbolSpace::description).toList())
                        + ", the column goes to both: write its number");
                reported[0] = true;
            }
        });
        return reported[0];
    }

    /** Whether the row's outcome may be ok on some profile; true without an outcome or after an error. */
    private boolean rowOutcome(ForLoop loop, ForLoop.Row row, ProfileSelection profiles) {
        if (loop.outcomeVar() != null && row.outcome() == null) {
            diagnostics.error(row.pos(), "row has no outcome for column '" + loop.outcomeVar().text() + "'");
        } else if (loop.outcomeVar() == null && row.outcome() != null) {
            diagnostics.error(row.outcome().pos(), "row has an outcome but the loop has no outcome column");
        } else if (row.outcome() != null) {
            return outcomes.row(row.outcome(), profiles);
        }
        return true;
    }

    /** Warns about every binding of the scope that nothing used (names starting with '_' excepted). */
    void reportUnused(Scope scope) {
        for (Binding binding : scope.ownHistory()) {
            if (!binding.used() && !binding.name().startsWith("_") && !invariantNames.contains(binding.name())) {
                String what = binding.producer == null && !binding.outcomeVariable ? "loop variable" : "binding";
                if (binding.outcomeVariable) {
                    what = "outcome column";
                }
                diagnostics.warning(binding.decl.pos(), what + " '" + binding.name() + "' is never used");
            }
        }
    }
}
