package org.uapispec.grammar.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.uapispec.grammar.ast.Call;
import org.uapispec.grammar.ast.Expr;
import org.uapispec.grammar.ast.Name;
import org.uapispec.grammar.ast.SpecPrinter;
import org.uapispec.grammar.diag.Diagnostics;
import org.uapispec.grammar.diag.DidYouMean;
import org.uapispec.grammar.model.Observation;
import org.uapispec.grammar.model.Operation;
import org.uapispec.grammar.model.SymbolSpace;
import org.uapispec.grammar.model.Value;
import org.uapispec.grammar.model.ValueType;

/**
 * Types expressions and reports unknown names, unknown fields, operator misuse and calls where
 * none may stand. Returns null for an expression that already has an error, so that one mistake
 * gives one diagnostic.
 */
final class ExprChecker {
    /** The field every file and dma-buf binding has: its descriptor's number. */
    static final String FD_FIELD = "fd";

    private final Diagnostics diagnostics;
    private final Resolutions resolved;
    private CallChecker calls;

    /** @param resolved where what each accepted name, field and operator stands for is recorded */
    ExprChecker(Diagnostics diagnostics, Resolutions resolved) {
        this.diagnostics = diagnostics;
        this.resolved = resolved;
    }

    void setCalls(CallChecker calls) {
        this.calls = calls;
    }

    ValueType type(Expr expr, Scope scope, SymbolSpace symbols, Mode mode) {
        if (expr instanceof Expr.IntLit) {
            return ValueType.INT;
        } else if (expr instanceof Expr.StringLit || expr instanceof Expr.HexLit) {
            return ValueType.BYTES;
        } else if (expr instanceof Expr.BoolLit) {
            return ValueType.BOOL;
        } else if (expr instanceof Expr.NameRef ref) {
            return name(ref, scope, symbols);
        } else if (expr instanceof Expr.Field field) {
            return field(field, scope);
        } else if (expr instanceof Expr.Index index) {
            return index(index, scope);
        } else if (expr instanceof Expr.Unary unary) {
            return unary(unary, scope, symbols, mode);
        } else if (expr instanceof Expr.Binary binary) {
            return binary(binary, scope, symbols, mode);
        } else if (expr instanceof Expr.ListLit list) {
            return list(list, scope, mode);
        }
        ValueType type = call(((Expr.CallExpr) expr).call(), scope, mode);
        if (type != null) {
            resolved.types.put(expr, type);
        }
        return type;
    }

    private ValueType name(Expr.NameRef ref, Scope scope, SymbolSpace symbols) {
        Binding binding = scope.lookup(ref.name());
        if (binding != null && !binding.outcomeVariable && symbols.symbols().containsKey(ref.name())) {
            binding.markUsed();
            diagnostics.error(ref.pos(), "'" + ref.name() + "' is both " + symbols.description() + " and the binding at "
                    + binding.decl.pos().lineAndColumn() + "; rename the binding");
            return binding.type;
        }
        if (binding != null && binding.indexed) {
            binding.markUsed();
            diagnostics.error(ref.pos(), "'" + ref.name() + "' holds one value per index (bound at "
                    + binding.decl.pos().lineAndColumn() + "); name one: " + ref.name() + "[i]");
            return null;
        }
        if (binding != null && !binding.outcomeVariable) {
            binding.markUsed();
            if (binding.resolution != null) {
                resolved.names.put(ref, binding.resolution);
            }
            return binding.type;
        }
        Long named = resolved.constants.get(ref.name());
        if (named != null) {
            resolved.names.put(ref, new Resolution.Fixed(Value.Int.of(named, ref.name())));
            return ValueType.INT;
        }
        Optional<Long> constant = symbols.lookup(ref.name());
        if (constant.isPresent()) {
            resolved.names.put(ref, new Resolution.Fixed(Value.Int.of(constant.get(), ref.name())));
            return ValueType.INT;
        }
        if (SymbolSpace.anyDefines(ref.name())) {
            diagnostics.error(ref.pos(), "'" + ref.name() + "' is not " + symbols.description()
                    + (symbols == SymbolSpace.NONE ? whereItIsOne(ref.name())
                            : DidYouMean.hint(ref.name(), symbols.symbols().keySet())));
            return null;
        }
        List<String> candidates = new ArrayList<>(scope.visibleNames());
        candidates.addAll(symbols.symbols().keySet());
        candidates.addAll(SymbolSpace.GLOBALS.keySet());
        candidates.addAll(resolved.constants.keySet());
        diagnostics.error(ref.pos(), "unknown name '" + ref.name() + "'" + DidYouMean.hint(ref.name(), candidates));
        return null;
    }

    /**
     * Where a name that is no constant in its place is one: {@code ": it is a prime flag, which
     * only an argument that takes one reads; write its number here"}.
     */
    private static String whereItIsOne(String name) {
        List<String> kinds = new ArrayList<>();
        for (SymbolSpace space : SymbolSpace.values()) {
            if (space.symbols().containsKey(name)) {
                kinds.add(space.description() + " (" + space.symbols().get(name) + ")");
            }
        }
        return ": it is " + String.join(" or ", kinds) + ", which only an argument that takes one reads;"
                + " write its number here";
    }

    private ValueType field(Expr.Field field, Scope scope) {
        if (field.target() instanceof Expr.Index index) {
            return indexedField(field, index, scope);
        }
        if (!(field.target() instanceof Expr.NameRef ref)) {
            diagnostics.error(field.field().pos(), "field '" + field.field().text() + "' of an expression, only bindings have fields");
            return null;
        }
        Binding binding = scope.lookup(ref.name());
        if (binding == null || binding.outcomeVariable) {
            return name(ref, scope, SymbolSpace.NONE);
        }
        binding.markUsed();
        if (binding.type == null) {
            return null;
        }
        if (binding.type.isDescriptor() && field.field().text().equals(FD_FIELD)) {
            return descriptorNumber(field, ref, scope);
        }
        ValueType type = resultField(binding, ref.name(), field.field());
        if (type != null) {
            resolved.names.put(field, new Resolution.Fixed(new Value.Field(ref.name(), field.field().text(), type)));
        }
        return type;
    }

    /** The type of result field {@code field} of the call that made {@code binding}; null after reporting there is none. */
    private ValueType resultField(Binding binding, String target, Name field) {
        if (binding.producer == null || binding.producer.fields().isEmpty()) {
            diagnostics.error(field.pos(), "'" + target + "' has no field '" + field.text() + "'"
                    + (binding.type.isDescriptor() ? DidYouMean.hint(field.text(), List.of(FD_FIELD)) : ""));
            return null;
        }
        ValueType type = binding.producer.fields().get(field.text());
        if (type == null) {
            diagnostics.error(field.pos(), "result of '" + binding.producer.languageName() + "' has no field '"
                    + field.text() + "'" + DidYouMean.hint(field.text(), binding.producer.fields().keySet()));
        }
        return type;
    }

    /**
     * {@code h[i]}: the value the binding made at index {@code i}, whose index is an integer known
     * before the run; the binding must be an indexed one.
     */
    private ValueType index(Expr.Index index, Scope scope) {
        String name = index.name().text();
        boolean known = checkIndex(index.index(), name, scope);
        Binding binding = scope.lookup(name);
        if (binding == null) {
            diagnostics.error(index.name().pos(), "unknown name '" + name + "'"
                    + DidYouMean.hint(name, scope.visibleNames()));
            return null;
        }
        binding.markUsed();
        if (!binding.indexed) {
            diagnostics.error(index.name().pos(), "'" + name + "' is not indexed: it is one value, bound at "
                    + binding.decl.pos().lineAndColumn());
            return null;
        }
        if (known && binding.resolution instanceof Resolution.Indexed indexed) {
            resolved.names.put(index, new Resolution.Indexed(name, index.index(), indexed.type(), null,
                    indexed.owner()));
        }
        return binding.type;
    }

    /** {@code h[i].size} and {@code f[i].fd}: a result field or the descriptor number of an indexed binding. */
    private ValueType indexedField(Expr.Field field, Expr.Index index, Scope scope) {
        ValueType element = index(index, scope);
        Binding binding = scope.lookup(index.name().text());
        if (element == null || binding == null) {
            return null;
        }
        String name = field.field().text();
        ValueType type = element.isDescriptor() && name.equals(FD_FIELD) ? ValueType.INT
                : resultField(binding, index.name().text(), field.field());
        if (type == null) {
            return null;
        }
        if (resolved.names.get(index) instanceof Resolution.Indexed indexed) {
            resolved.names.put(field, new Resolution.Indexed(indexed.name(), indexed.index(), type, name,
                    indexed.owner()));
        }
        return type;
    }

    /**
     * Checks the index of {@code name[...]}: an int, computed from numbers, constants and loop
     * variables only, so that lowering knows each row's binding. Whether it had no error.
     */
    boolean checkIndex(Expr index, String name, Scope scope) {
        if (containsCall(index)) {
            // before typing, which would speak of a call in a loop row
            mustBeKnown(index, name, "a call's result is not");
            return false;
        }
        ValueType type = type(index, scope, SymbolSpace.NONE, Mode.VALUE);
        if (type == null) {
            return false;
        }
        if (type != ValueType.INT) {
            diagnostics.error(index.pos(), "the index of '" + name + "' must be an int, got " + type);
            return false;
        }
        String late = knownOnlyAtRunTime(index, scope);
        if (late != null) {
            mustBeKnown(index, name, late);
            return false;
        }
        return true;
    }

    private void mustBeKnown(Expr index, String name, String late) {
        diagnostics.error(index.pos(), "the index of '" + name + "' must be known before the run (numbers,"
                + " constants and loop variables), and " + late);
    }

    private static boolean containsCall(Expr expr) {
        if (expr instanceof Expr.CallExpr) {
            return true;
        } else if (expr instanceof Expr.Unary unary) {
            return containsCall(unary.operand());
        } else if (expr instanceof Expr.Binary binary) {
            return containsCall(binary.left()) || containsCall(binary.right());
        } else if (expr instanceof Expr.Field field) {
            return containsCall(field.target());
        } else if (expr instanceof Expr.Index index) {
            return containsCall(index.index());
        }
        return false;
    }

    /** What in a well-typed int expression is known only once steps have run; null when nothing is. */
    private static String knownOnlyAtRunTime(Expr expr, Scope scope) {
        if (expr instanceof Expr.NameRef ref) {
            Binding binding = scope.lookup(ref.name());
            return binding != null && binding.producer != null ? "'" + ref.name() + "' is a binding" : null;
        } else if (expr instanceof Expr.Unary unary) {
            return knownOnlyAtRunTime(unary.operand(), scope);
        } else if (expr instanceof Expr.Binary binary) {
            String left = knownOnlyAtRunTime(binary.left(), scope);
            return left != null ? left : knownOnlyAtRunTime(binary.right(), scope);
        } else if (expr instanceof Expr.Field field) {
            return "'" + SpecPrinter.print(field) + "' is known only once a step has run";
        } else if (expr instanceof Expr.Index index) {
            return "'" + SpecPrinter.print(index) + "' is a binding";
        }
        return null;
    }

    /**
     * {@code f.fd}: the number of a file's or dma-buf's descriptor, for a bad value written from a
     * good one (the DRM fd where a dma-buf goes) and for checks on the number a call returned. A
     * number stays readable after its descriptor is closed: that is how a spec reuses a closed fd.
     */
    private ValueType descriptorNumber(Expr.Field field, Expr.NameRef ref, Scope scope) {
        if (name(ref, scope, SymbolSpace.NONE) == null) {
            return null;
        }
        Resolution target = resolved.names.get(ref);
        if (!(target instanceof Resolution.Bound bound)) {
            diagnostics.error(field.field().pos(), "field '" + FD_FIELD + "' of loop variable '" + ref.name()
                    + "': only a binding's descriptor has a number to read; bind it in a step");
            return null;
        }
        resolved.names.put(field, new Resolution.Fixed(new Value.DescriptorNumber(bound.ref())));
        return ValueType.INT;
    }

    private ValueType unary(Expr.Unary unary, Scope scope, SymbolSpace symbols, Mode mode) {
        ValueType operand = type(unary.operand(), scope, symbols, mode);
        if (operand == null) {
            return null;
        }
        ValueType type = TypeRules.unary(Operators.of(unary.op()), operand).orElse(null);
        if (type == null) {
            diagnostics.error(unary.pos(), "operator '" + unary.op().symbol() + "' cannot apply to " + operand);
        } else {
            resolved.types.put(unary, type);
        }
        return type;
    }

    private ValueType binary(Expr.Binary binary, Scope scope, SymbolSpace symbols, Mode mode) {
        ValueType left = type(binary.left(), scope, symbols, mode);
        ValueType right = type(binary.right(), scope, symbols, mode);
        if (left == null || right == null) {
            return null;
        }
        ValueType type = TypeRules.binary(Operators.of(binary.op()), left, right).orElse(null);
        if (type == null) {
            diagnostics.error(binary.pos(), "operator '" + binary.op().symbol() + "' cannot combine " + left + " and " + right);
        } else {
            resolved.types.put(binary, type);
        }
        return type;
    }

    /**
     * A list literal: handles, memfds or ints, not mixed but for raw numbers among either (a handle
     * never given, fd 9999). The list's type is {@link Value.ListOf#listOf} of its items'.
     */
    private ValueType list(Expr.ListLit list, Scope scope, Mode mode) {
        boolean ok = true;
        java.util.List<ValueType> types = new java.util.ArrayList<>();
        for (Expr item : list.items()) {
            ValueType type = type(item, scope, SymbolSpace.NONE, mode);
            if (type != null && type != ValueType.HANDLE && type != ValueType.MEMFD && type != ValueType.INT) {
                diagnostics.error(item.pos(), "list item must be a handle, a memfd or an int, not " + type);
                ok = false;
            }
            ok &= type != null;
            types.add(type);
        }
        if (ok && types.contains(ValueType.HANDLE) && types.contains(ValueType.MEMFD)) {
            diagnostics.error(list.pos(), "a list holds handles or memfds, not both");
            return null;
        }
        return ok ? Value.ListOf.listOf(types) : null;
    }

    private ValueType call(Call call, Scope scope, Mode mode) {
        String name = call.callee().text();
        var observation = Observation.byName(name);
        if (observation.isPresent()) {
            return observation(call, observation.get(), scope, mode);
        }
        if (mode == Mode.VALUE) {
            diagnostics.error(call.pos(), "call '" + name + "' in a loop row; bind its result in a step before the loop");
            return null;
        }
        if (mode == Mode.INVARIANT && Operation.byName(name).isPresent()) {
            diagnostics.error(call.pos(), "call '" + name + "' is not allowed in an invariant, use an observation: "
                    + String.join(", ", observationNames()));
            return null;
        }
        CheckedCall resolved = calls.check(call, scope, true);
        if (resolved == null) {
            return null;
        }
        Operation operation = resolved.operation();
        if (operation.result().isEmpty()) {
            diagnostics.error(call.pos(), "call '" + name + "' has no result to "
                    + (mode == Mode.ARGUMENT ? "pass on" : "check"));
            return null;
        }
        return operation.result().get();
    }

    private ValueType observation(Call call, Observation observation, Scope scope, Mode mode) {
        String name = observation.languageName();
        if (call.args().size() != observation.params().size()) {
            diagnostics.error(call.pos(), "observation '" + name + "' takes " + observation.params().size()
                    + " arguments, not " + call.args().size());
            return null;
        }
        boolean ok = true;
        for (int i = 0; i < call.args().size(); i++) {
            Call.Arg arg = call.args().get(i);
            if (arg.name() != null) {
                diagnostics.error(arg.pos(), "observation '" + name + "' takes positional arguments only");
                ok = false;
                continue;
            }
            ValueType expected = observation.params().get(i);
            ValueType actual = type(arg.value(), scope, SymbolSpace.NONE, mode);
            // An observation on a file runs in a process that holds it, which a raw number does not name.
            boolean raw = actual == ValueType.INT && expected.acceptsRawInt() && !expected.isDescriptor();
            if (actual != null && actual != expected && !raw) {
                diagnostics.error(arg.pos(), "argument " + (i + 1) + " of '" + name + "' needs " + CallChecker.article(expected.spelling()) + ", got "
                        + CallChecker.describe(arg.value(), actual));
                ok = false;
            }
            ok &= actual != null;
        }
        return ok ? observation.result() : null;
    }

    static List<String> observationNames() {
        return java.util.Arrays.stream(Observation.values()).map(Observation::languageName).toList();
    }
}
