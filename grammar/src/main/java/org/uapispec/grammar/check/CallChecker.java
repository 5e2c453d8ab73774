package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.ForLoop;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.Param;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.ValueType;

/**
 * Checks one call against the call table: the call exists, positional arguments come first and
 * are not too many, every named argument exists and appears once, required arguments are given,
 * each argument has an accepted type, and no closed resource is used by a call that may succeed.
 */
final class CallChecker {
    /** The extra argument that runs a call in another process than the owner of its fd. */
    public static final String BY = "by";

    private final Diagnostics diagnostics;
    private final ExprChecker exprs;

    /** The parameter {@code by: p} stands for; calls that accept it list it in no table. */
    private static final Param BY_PARAM = new Param(BY, List.of(ValueType.PROCESS), SymbolSpace.NONE, null);

    private final Resolutions resolved;

    /** @param resolved where each call that passes is recorded, for lowering */
    CallChecker(Diagnostics diagnostics, ExprChecker exprs, Resolutions resolved) {
        this.diagnostics = diagnostics;
        this.exprs = exprs;
        this.resolved = resolved;
    }

    /**
     * @param mayBeOk whether the step may succeed; only then is using a closed resource an error
     *                (a spec may call on a closed handle to expect ENOENT, catalogue 14)
     */
    CheckedCall check(Call call, Scope scope, boolean mayBeOk) {
        String name = call.callee().text();
        markUsed(call, scope);
        Operation operation = Operation.byName(name).orElse(null);
        if (operation == null) {
            List<String> candidates = new ArrayList<>(Operation.names());
            candidates.addAll(ExprChecker.observationNames());
            diagnostics.error(call.callee().pos(), "unknown call '" + name + "'" + DidYouMean.hint(name, candidates));
            return null;
        }
        Call.Arg[] args = bind(call, operation);
        if (args == null) {
            return null;
        }
        List<Param> params = operation.params();
        boolean ok = true;
        ValueType firstType = null;
        for (int i = 0; i < params.size(); i++) {
            Param param = params.get(i);
            Call.Arg arg = args[i];
            if (arg == null) {
                if (param.required()) {
                    diagnostics.error(call.pos(), "missing argument '" + param.name() + "' of '" + name + "'");
                    ok = false;
                }
                continue;
            }
            ValueType type = argument(operation, param, arg.value(), scope, mayBeOk);
            ok &= type != null;
            if (i == 0) {
                firstType = type;
            }
        }
        Call.Arg by = args[params.size()];
        if (by != null) {
            ok &= argument(operation, BY_PARAM, by.value(), scope, mayBeOk) != null;
        }
        if (!ok) {
            return null;
        }
        if (by == null && firstType == ValueType.INT && !operation.takesProcess() && operation != Operation.SPAWN) {
            // A raw fd number (fd 9999) is a number in some process, and nothing says which.
            diagnostics.error(args[0].value().pos(), "a raw number as '" + params.get(0).name() + "' of '" + name
                    + "' names no process to make the call; say which with by: (" + name + "(..., by: p))");
            return null;
        }
        Actor actor = null;
        if (operation != Operation.SPAWN) {
            Expr subject = by != null ? by.value() : args[0].value();
            boolean ofProcess = by != null || operation.takesProcess();
            if (ofProcess && subject instanceof Expr.CallExpr nested) {
                // A process from a nested spawn or fork would exist for this one call only.
                diagnostics.error(subject.pos(), "the process of '" + name + "' is a nested '"
                        + nested.call().callee().text() + "'; bind the process in a step first");
                return null;
            }
            actor = ofProcess ? process(subject) : owner(subject);
            if (actor == null) {
                // Only a binding made by a step with errors has no resolution: the error is reported.
                return null;
            }
        }
        CheckedCall result = new CheckedCall(operation, args, actor);
        resolved.calls.put(call, result);
        return result;
    }

    /**
     * The process a checked argument names. Its type is a process, which only a process binding or a
     * loop variable over such bindings has; null for a binding whose step had errors.
     */
    private Actor process(Expr process) {
        Resolution resolution = resolved.names.get(process);
        if (resolution instanceof Resolution.Bound bound) {
            return new Actor.Named(bound.ref().name());
        }
        return resolution instanceof Resolution.Column column ? byRow(column, this::process) : null;
    }

    /**
     * The owner of the resource a checked argument names: a file, dma-buf or handle, which only a
     * binding or a loop variable over bindings has; null for a binding whose step had errors.
     */
    private Actor owner(Expr resource) {
        if (resource instanceof Expr.CallExpr nested) {
            // What a nested call returns lives in the process that made the call.
            CheckedCall inner = resolved.calls.get(nested.call());
            return inner == null ? null : inner.actor().orElse(null);
        }
        Resolution resolution = resolved.names.get(resource);
        if (resolution instanceof Resolution.Bound bound) {
            return bound.owner() != null ? bound.owner() : new Actor.Named(bound.ref().name());
        }
        if (resolution instanceof Resolution.Indexed indexed) {
            return indexed.owner(); // never a process: those are not indexed
        }
        return resolution instanceof Resolution.Column column ? byRow(column, this::owner) : null;
    }

    /** The process of each row's value in the column; null when a row has none (it has an error). */
    private static Actor byRow(Resolution.Column column, Function<Expr, Actor> ofValue) {
        List<Actor> rows = new ArrayList<>(column.loop().rows().size());
        for (ForLoop.Row row : column.loop().rows()) {
            Actor actor = row.values().size() > column.index() ? ofValue.apply(row.values().get(column.index())) : null;
            if (actor == null) {
                return null;
            }
            rows.add(actor);
        }
        return new Actor.ByRow(column.loop(), rows);
    }

    /** Names in the arguments count as used even when the call has errors, to avoid follow-up warnings. */
    private static void markUsed(Call call, Scope scope) {
        Consumer<String> markUsed = name -> {
            Binding binding = scope.lookup(name);
            if (binding != null) {
                binding.markUsed();
            }
        };
        List<Call.Arg> args = call.args();
        for (int i = 0; i < args.size(); i++) {
            Names.forEach(args.get(i).value(), markUsed);
        }
    }

    /**
     * Maps positional and named arguments to parameters: the argument for each parameter by its
     * index, then the one for {@code by}; null after reporting a problem.
     */
    private Call.Arg[] bind(Call call, Operation operation) {
        String name = operation.languageName();
        int paramCount = operation.params().size();
        Call.Arg[] args = new Call.Arg[paramCount + 1];
        boolean named = false;
        boolean ok = true;
        int position = 0;
        List<Call.Arg> given = call.args();
        for (int i = 0; i < given.size(); i++) {
            Call.Arg arg = given.get(i);
            if (arg.name() == null) {
                if (named) {
                    diagnostics.error(arg.pos(), "positional argument after named arguments in '" + name + "'");
                    ok = false;
                } else if (position >= paramCount) {
                    diagnostics.error(arg.pos(), "too many arguments to '" + name + "', it takes " + paramCount);
                    ok = false;
                } else {
                    args[position++] = arg;
                }
                continue;
            }
            named = true;
            String param = arg.name().text();
            int index = indexOf(operation, param);
            if (index < 0 && param.equals(BY) && operation.acceptsBy()) {
                index = paramCount;
            }
            if (index < 0) {
                List<String> candidates = new ArrayList<>(operation.params().stream().map(Param::name).toList());
                if (operation.acceptsBy()) {
                    candidates.add(BY);
                }
                diagnostics.error(arg.name().pos(), "unknown argument '" + param + "' of '" + name + "'"
                        + DidYouMean.hint(param, candidates));
                ok = false;
            } else if (args[index] != null) {
                diagnostics.error(arg.name().pos(), "duplicate argument '" + param + "' of '" + name + "', first given at "
                        + args[index].pos().lineAndColumn());
                ok = false;
            } else {
                args[index] = arg;
            }
        }
        return ok ? args : null;
    }

    /** The index of the operation's parameter {@code param}, or -1. */
    static int indexOf(Operation operation, String param) {
        List<Param> params = operation.params();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).name().equals(param)) {
                return i;
            }
        }
        return -1;
    }

    /** The argument's type, or null after reporting why it is not one the parameter takes. */
    private ValueType argument(Operation operation, Param param, Expr value, Scope scope, boolean mayBeOk) {
        ValueType type = exprs.type(value, scope, param.symbols(), Mode.ARGUMENT);
        if (type == null) {
            return null;
        }
        if (!param.accepts(type)) {
            diagnostics.error(value.pos(), "argument '" + param.name() + "' of '" + operation.languageName()
                    + "' needs " + article(param.typeText()) + ", got " + describe(value, type));
            return null;
        }
        if (mayBeOk && value instanceof Expr.NameRef ref) {
            Binding binding = scope.lookup(ref.name());
            if (binding != null && binding.closedAt != null) {
                diagnostics.error(value.pos(), binding.type + " '" + ref.name() + "' used after " + binding.closedBy
                        + " at " + binding.closedAt.lineAndColumn());
                return null;
            }
        }
        return type;
    }

    /** {@code a file}, {@code an int}, {@code bytes}. */
    static String article(String type) {
        if (type.startsWith("bytes") || type.startsWith("list")) {
            return type;
        }
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    /** {@code handle 'h'} for a name, {@code bytes} for anything else. */
    static String describe(Expr value, ValueType type) {
        return value instanceof Expr.NameRef ref ? type + " '" + ref.name() + "'" : type.toString();
    }
}
